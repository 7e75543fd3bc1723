//! The form for one item: every field of a listing, selects for the fixed choices, Dutch / English / German
//! inputs for the texts, the help from the JSON Schema under each field, and each problem of the core's check
//! inline at its field (`aria-invalid`, `aria-describedby`).

use super::model::{Field, FieldProblem};
use super::point_picker::PointPicker;
use super::strings::{field_label, NL};
use super::{focus_later, EditorState, Target};
use leptos::prelude::*;
use twente_kaart_core::i18n::{fill, Strings};
use twente_kaart_core::listing::{Category, Kind, Sector};
use twente_kaart_core::Lang;

/// The check of the item in the form, shared by its fields.
#[derive(Clone, Copy)]
pub struct FormCtx {
    pub problems: Memo<Vec<FieldProblem>>,
}

impl FormCtx {
    fn has_error(self, key: &'static str) -> bool {
        self.problems
            .with(|ps| ps.iter().any(|p| p.error && p.key == Some(key)))
    }
}

/// `aria-describedby` of an input: its help (if the schema has one) and its problems.
fn described_by(state: EditorState, key: &'static str) -> String {
    let slug = slug(key);
    if state.help.with_value(|h| h.get(key).is_some()) {
        format!("ed-help-{slug} ed-err-{slug}")
    } else {
        format!("ed-err-{slug}")
    }
}

fn slug(key: &str) -> String {
    key.replace(['.', '_'], "-")
}

/// The help text of a field, from the schema (which is in English, hence `lang="en"`).
#[component]
fn Help(key: &'static str) -> impl IntoView {
    let state = expect_context::<EditorState>();
    state.help.with_value(|h| h.get(key)).map(|text| {
        view! { <p id=format!("ed-help-{}", slug(key)) class="ed-help" lang="en">{text}</p> }
    })
}

/// The problems of a field, next to it.
#[component]
fn Problems(key: &'static str) -> impl IntoView {
    let ctx = expect_context::<FormCtx>();
    let list = move || {
        ctx.problems.with(|ps| {
            ps.iter()
                .filter(|p| p.key == Some(key))
                .map(|p| {
                    let class = if p.error { "ed-error" } else { "ed-warning" };
                    view! { <p class=class>{p.text.clone()}</p> }
                })
                .collect_view()
        })
    };
    view! { <div id=format!("ed-err-{}", slug(key)) class="ed-problems">{list}</div> }
}

/// A text input (or a textarea) bound to one field of the form.
#[component]
fn TextInput(
    field: Field,
    /// The label; the field's own label when not given.
    #[prop(optional)]
    label: Option<&'static str>,
    #[prop(default = "text")] input_type: &'static str,
    /// The language of the text typed (for the texts in three languages).
    #[prop(optional)]
    lang: Option<&'static str>,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let state = expect_context::<EditorState>();
    let ctx = expect_context::<FormCtx>();
    let key = field.key();
    let id = super::model::dom_id(field);
    // A memo: the input is only written when its own field changed, not on every keystroke elsewhere.
    let value = Memo::new(move |_| state.form.with(|f| f.get(field).to_string()));
    let on_input = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        state.form.update(|f| f.set(field, v));
    };
    let invalid = move || ctx.has_error(key).then_some("true");
    let input = if multiline {
        view! {
            <textarea id=id.clone() rows="4" lang=lang prop:value=value on:input=on_input
                aria-describedby=described_by(state, key) aria-invalid=invalid required=required></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() type=input_type lang=lang inputmode=inputmode prop:value=value
                on:input=on_input aria-describedby=described_by(state, key) aria-invalid=invalid
                required=required />
        }
        .into_any()
    };
    view! {
        <div class="ed-input">
            <label for=id>{label.unwrap_or_else(|| field_label(key))}</label>
            {input}
        </div>
    }
}

/// A select bound to one field; `options` are (value, label).
#[component]
fn Select(
    field: Field,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    /// The first option, for "nothing chosen".
    #[prop(optional)]
    empty: Option<&'static str>,
) -> impl IntoView {
    let state = expect_context::<EditorState>();
    let ctx = expect_context::<FormCtx>();
    let key = field.key();
    let id = super::model::dom_id(field);
    let current = Memo::new(move |_| state.form.with(|f| f.get(field).to_string()));
    let on_change = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        state.form.update(|f| f.set(field, v));
    };
    view! {
        <div class="ed-input">
            <label for=id.clone()>{field_label(key)}</label>
            <select id=id on:change=on_change aria-describedby=described_by(state, key)
                aria-invalid=move || ctx.has_error(key).then_some("true")>
                {move || {
                    let now = current.get();
                    let listed = options.with(|o| o.iter().any(|(v, _)| *v == now));
                    let first = empty.map(|label| {
                        view! { <option value="" prop:selected=!listed>{label}</option> }
                    });
                    let rest = options
                        .get()
                        .into_iter()
                        .map(|(v, label)| {
                            let selected = v == now;
                            view! { <option value=v prop:selected=selected>{label}</option> }
                        })
                        .collect_view();
                    (first, rest)
                }}
            </select>
        </div>
    }
}

/// A field with its help and problems under it.
#[component]
fn Group(key: &'static str, children: Children) -> impl IntoView {
    view! {
        <div class="ed-group" data-key=key>
            {children()}
            <Help key=key />
            <Problems key=key />
        </div>
    }
}

/// A text in three languages: one fieldset, three inputs, one help and one problem list.
#[component]
fn Texts(
    key: &'static str,
    make: fn(usize) -> Field,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    // Dutch is the fallback, so it is required where the text is.
    let nl = if required {
        NL.lang_nl
    } else {
        NL.lang_nl_optional
    };
    let langs = [(nl, "nl"), (NL.lang_en, "en"), (NL.lang_de, "de")];
    view! {
        <fieldset class="ed-group ed-texts" data-key=key>
            <legend>{field_label(key)}</legend>
            {langs
                .into_iter()
                .enumerate()
                .map(|(i, (label, lang))| {
                    view! {
                        <TextInput field=make(i) label=label lang=lang multiline=multiline
                            required=required && i == 0 />
                    }
                })
                .collect_view()}
            <Help key=key />
            <Problems key=key />
        </fieldset>
    }
}

/// A checkbox for one of the two yes/no fields.
#[component]
fn Check(key: &'static str) -> impl IntoView {
    let state = expect_context::<EditorState>();
    let id = format!("ed-f-{}", slug(key));
    let get = move || {
        state.form.with(|f| {
            if key == "training" {
                f.training
            } else {
                f.featured
            }
        })
    };
    let on_change = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        state.form.update(|f| {
            if key == "training" {
                f.training = on;
            } else {
                f.featured = on;
            }
        });
    };
    view! {
        <div class="ed-group ed-check-group" data-key=key>
            <input id=id.clone() type="checkbox" prop:checked=get on:change=on_change
                aria-describedby=described_by(state, key) />
            <label for=id>{field_label(key)}</label>
            <Help key=key />
            <Problems key=key />
        </div>
    }
}

fn pairs(items: impl IntoIterator<Item = (&'static str, &'static str)>) -> Vec<(String, String)> {
    items
        .into_iter()
        .map(|(v, l)| (v.to_string(), l.to_string()))
        .collect()
}

#[component]
pub fn ItemFormView() -> impl IntoView {
    let state = expect_context::<EditorState>();
    let problems = Memo::new(move |_| {
        let index = match state.target.get() {
            Some(Target::Item(i)) => Some(i),
            _ => None,
        };
        state.form.with(|form| {
            state.file.with(|file| {
                state
                    .geo
                    .with_value(|g| file.check_item(index, form, &g.municipalities, state.today))
            })
        })
    });
    let ctx = FormCtx { problems };
    provide_context(ctx);
    let tried = RwSignal::new(false);
    let t = Strings::get(Lang::Nl);

    let heading = move || match state.target.get() {
        Some(Target::Item(_)) => fill(
            NL.form_edit,
            &[("id", &state.original.with(|f| f.id.clone()))],
        ),
        _ => NL.form_new.to_string(),
    };
    let back_to = move || match state.target.get_untracked() {
        Some(Target::Item(i)) => Some(i),
        _ => None,
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        let blocked = problems.with_untracked(|ps| ps.iter().any(|p| p.error));
        let item = state.form.with_untracked(|f| f.to_listing().ok());
        let (false, Some(item)) = (blocked, item) else {
            state.status.set(NL.fix_first.into());
            // To the first field with an error, else to the summary.
            let first = document()
                .query_selector(".ed-form [aria-invalid=\"true\"]")
                .ok()
                .flatten()
                .and_then(|e| e.get_attribute("id"));
            focus_later(first.as_deref().unwrap_or("ed-form-title"));
            return;
        };
        let id = item.id.clone();
        let index = match state.target.get_untracked() {
            Some(Target::Item(i)) if i < state.file.with_untracked(|f| f.items.len()) => {
                state.commit(|items| items[i] = item);
                i
            }
            _ => {
                state.commit(|items| items.push(item));
                state.file.with_untracked(|f| f.items.len() - 1)
            }
        };
        state.status.set(fill(NL.saved, &[("id", &id)]));
        state.close_form(Some(index));
    };
    let cancel = move |_| state.close_form(back_to());

    let summary = move || {
        problems.with(|ps| {
            let general = ps
                .iter()
                .filter(|p| p.key.is_none())
                .map(|p| view! { <p class="ed-error">{p.text.clone()}</p> })
                .collect_view();
            let count = ps.iter().filter(|p| p.error).count();
            let line = (tried.get() && count > 0).then(|| {
                view! {
                    <p class="ed-error">
                        {fill(NL.errors_summary, &[("n", &count.to_string())])} {NL.fix_first}
                    </p>
                }
            });
            (line, general)
        })
    };

    let categories =
        Signal::derive(move || pairs(Category::ALL.map(|c| (c.as_str(), t.category(c)))));
    let kinds = Signal::derive(move || {
        let category = state.form.with(|f| Category::parse(&f.category));
        pairs(
            Kind::ALL
                .into_iter()
                .filter(|k| category.is_none_or(|c| k.category() == c))
                .map(|k| (k.as_str(), t.kind(k))),
        )
    });
    let municipalities = Signal::derive(move || {
        state.geo.with_value(|g| {
            let mut m: Vec<(String, String)> = g
                .municipalities
                .iter()
                .map(|m| (m.code.clone(), m.name.clone()))
                .collect();
            m.sort_by(|a, b| a.1.cmp(&b.1));
            m
        })
    });
    let sectors =
        Signal::derive(move || pairs(Sector::ALL.map(|s| (s.as_str(), t.sector_name(s)))));
    let is_event = Memo::new(move |_| {
        state
            .form
            .with(|f| Category::parse(&f.category) == Some(Category::Agenda))
    });
    let periods = Signal::derive(move || pairs([("maand", NL.per_month), ("eenmalig", NL.once)]));

    view! {
        <form class="ed-form" on:submit=on_submit novalidate aria-labelledby="ed-form-title">
            <h2 id="ed-form-title" tabindex="-1">{heading}</h2>
            <div class="ed-summary" id="ed-form-summary">{summary}</div>

            <fieldset class="ed-section">
                <legend>{NL.section_basics}</legend>
                <Group key="id"><TextInput field=Field::Id required=true /></Group>
                <Group key="category"><Select field=Field::Category options=categories /></Group>
                <Group key="kind"><Select field=Field::Kind options=kinds /></Group>
            </fieldset>

            <fieldset class="ed-section">
                <legend>{NL.section_texts}</legend>
                <Texts key="title" make=Field::Title required=true />
                <Texts key="description" make=Field::Description multiline=true required=true />
            </fieldset>

            <fieldset class="ed-section">
                <legend>{NL.section_place}</legend>
                <Group key="municipality">
                    <Select field=Field::Municipality options=municipalities empty=NL.choose />
                </Group>
                <Group key="town"><TextInput field=Field::Town required=true /></Group>
                <fieldset class="ed-group ed-point" data-key="point">
                    <legend>{field_label("point")}</legend>
                    <PointPicker />
                    <div class="ed-row">
                        <TextInput field=Field::Lon label=field_label("point.lon") inputmode="decimal" />
                        <TextInput field=Field::Lat label=field_label("point.lat") inputmode="decimal" />
                        <button type="button" class="ed-quiet" on:click=move |_| {
                            state.form.update(|f| {
                                f.lon.clear();
                                f.lat.clear();
                            })
                        }>{NL.clear_point}</button>
                    </div>
                    <Help key="point" />
                    <Problems key="point" />
                </fieldset>
            </fieldset>

            <fieldset class="ed-section">
                <legend>{NL.section_contact}</legend>
                <Group key="link"><TextInput field=Field::Link input_type="url" /></Group>
                <Group key="contact.name"><TextInput field=Field::ContactName /></Group>
                <Group key="contact.email"><TextInput field=Field::ContactEmail input_type="email" /></Group>
                <Group key="contact.phone"><TextInput field=Field::ContactPhone input_type="tel" /></Group>
                <Group key="contact.url"><TextInput field=Field::ContactUrl input_type="url" /></Group>
            </fieldset>

            <fieldset class="ed-section">
                <legend>{NL.section_dates}</legend>
                <Group key="updated"><TextInput field=Field::Updated input_type="date" required=true /></Group>
                <Group key="valid_until"><TextInput field=Field::ValidUntil input_type="date" /></Group>
                <Check key="featured" />
            </fieldset>

            <fieldset class="ed-section">
                <legend>{NL.section_praktijk}</legend>
                <Check key="training" />
                // A practice starts on a date (with the date picker); an event also at a time, typed.
                {move || (!is_event.get()).then(|| view! {
                    <Group key="start"><TextInput field=Field::Start input_type="date" /></Group>
                })}
                <Texts key="hours" make=Field::Hours />
                <Group key="patients"><TextInput field=Field::Patients inputmode="numeric" /></Group>
            </fieldset>

            <fieldset class="ed-section">
                <legend>{NL.section_wonen}</legend>
                <Group key="price.min"><TextInput field=Field::PriceMin inputmode="numeric" /></Group>
                <Group key="price.max"><TextInput field=Field::PriceMax inputmode="numeric" /></Group>
                <Group key="price.per"><Select field=Field::PricePer options=periods /></Group>
            </fieldset>

            <fieldset class="ed-section">
                <legend>{NL.section_partnerwerk}</legend>
                <Group key="sector"><Select field=Field::Sector options=sectors empty=NL.none /></Group>
            </fieldset>

            <fieldset class="ed-section">
                <legend>{NL.section_verhaal}</legend>
                <Texts key="quote" make=Field::Quote multiline=true />
                <Group key="person.name"><TextInput field=Field::PersonName /></Group>
                <Texts key="person.role" make=Field::PersonRole />
                <Group key="photo.src"><TextInput field=Field::PhotoSrc /></Group>
                <Texts key="photo.alt" make=Field::PhotoAlt />
                <div class="ed-row">
                    <Group key="photo.width"><TextInput field=Field::PhotoWidth inputmode="numeric" /></Group>
                    <Group key="photo.height"><TextInput field=Field::PhotoHeight inputmode="numeric" /></Group>
                </div>
            </fieldset>

            <fieldset class="ed-section">
                <legend>{NL.section_agenda}</legend>
                <p class="ed-help" id="ed-moment-hint">{NL.moment_hint}</p>
                {move || is_event.get().then(|| view! {
                    <Group key="start"><TextInput field=Field::Start /></Group>
                })}
                <Group key="end"><TextInput field=Field::End /></Group>
            </fieldset>

            <div class="ed-form-actions">
                <button type="submit" class="ed-primary">{NL.save}</button>
                <button type="button" on:click=cancel>{NL.cancel}</button>
            </div>
        </form>
    }
}
