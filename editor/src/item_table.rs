//! The items as a real `<table>`: sortable by a column (buttons in the headers, `aria-sort`), each row with its
//! check result and buttons to edit or delete (with an inline confirmation, not a dialog).

use super::strings::NL;
use super::{focus_later, EditorState, Target};
use leptos::prelude::*;
use std::collections::HashMap;
use twente_kaart_core::i18n::{fill, Strings};
use twente_kaart_core::listing::Listing;
use twente_kaart_core::validate::Severity;
use twente_kaart_core::Lang;

/// The sortable columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Col {
    Id,
    Category,
    Kind,
    Municipality,
    Town,
    Title,
    ValidUntil,
}

impl Col {
    const ALL: [Col; 7] = [
        Col::Id,
        Col::Category,
        Col::Kind,
        Col::Municipality,
        Col::Town,
        Col::Title,
        Col::ValidUntil,
    ];

    fn label(self) -> &'static str {
        match self {
            Col::Id => NL.col_id,
            Col::Category => NL.col_category,
            Col::Kind => NL.col_kind,
            Col::Municipality => NL.col_municipality,
            Col::Town => NL.col_town,
            Col::Title => NL.col_title,
            Col::ValidUntil => NL.col_valid_until,
        }
    }
}

/// One row's texts, in column order.
fn cells(item: &Listing, names: &HashMap<String, String>) -> [String; 7] {
    let t = Strings::get(Lang::Nl);
    [
        item.id.clone(),
        t.category(item.category).to_string(),
        item.kind.map(|k| t.kind(k).to_string()).unwrap_or_default(),
        names
            .get(&item.municipality)
            .cloned()
            .unwrap_or_else(|| item.municipality.clone()),
        item.town().to_string(),
        item.heading(Lang::Nl).to_string(),
        item.valid_until.map(|d| d.to_string()).unwrap_or_default(),
    ]
}

#[component]
pub fn ItemTable() -> impl IntoView {
    let state = expect_context::<EditorState>();
    let sort = RwSignal::new(None::<(Col, bool)>);
    let confirm = RwSignal::new(None::<usize>);
    let names: HashMap<String, String> = state.geo.with_value(|g| {
        g.municipalities
            .iter()
            .map(|m| (m.code.clone(), m.name.clone()))
            .collect()
    });
    let names = StoredValue::new(names);

    let header = move |col: Col| {
        let aria_sort = move || match sort.get() {
            Some((c, true)) if c == col => "ascending",
            Some((c, false)) if c == col => "descending",
            _ => "none",
        };
        let toggle = move |_| {
            sort.update(|s| {
                *s = match *s {
                    Some((c, asc)) if c == col => Some((col, !asc)),
                    _ => Some((col, true)),
                }
            })
        };
        view! {
            <th scope="col" aria-sort=aria_sort>
                <button type="button" class="ed-sort" on:click=toggle
                    aria-label=fill(NL.sort_by, &[("col", col.label())])>
                    {col.label()}
                    <span class="ed-sort-mark" aria-hidden="true">
                        {move || match aria_sort() { "ascending" => "▲", "descending" => "▼", _ => "" }}
                    </span>
                </button>
            </th>
        }
    };

    let rows = move || {
        let errors: HashMap<usize, usize> = state.problems.with(|ps| {
            let mut m = HashMap::new();
            for p in ps.iter().filter(|p| p.severity() == Severity::Error) {
                if let Some(i) = p.item_index {
                    *m.entry(i).or_insert(0) += 1;
                }
            }
            m
        });
        let editing = match state.target.get() {
            Some(Target::Item(i)) => Some(i),
            _ => None,
        };
        let pending = confirm.get();
        let mut rows: Vec<(usize, [String; 7])> = state.file.with(|f| {
            names.with_value(|n| {
                f.items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| (i, cells(item, n)))
                    .collect()
            })
        });
        if let Some((col, asc)) = sort.get() {
            let k = Col::ALL.iter().position(|c| *c == col).unwrap_or(0);
            rows.sort_by(|a, b| {
                let o = a.1[k].to_lowercase().cmp(&b.1[k].to_lowercase());
                if asc {
                    o
                } else {
                    o.reverse()
                }
            });
        }
        rows.into_iter()
            .map(|(i, c)| {
                let n = errors.get(&i).copied().unwrap_or(0);
                let editing_this = editing == Some(i);
                let id = c[0].clone();
                let check = if n == 0 {
                    NL.check_ok.to_string()
                } else {
                    fill(NL.check_errors, &[("n", &n.to_string())])
                };
                let actions = if pending == Some(i) {
                    let id2 = id.clone();
                    view! {
                        <span class="ed-confirm">{fill(NL.confirm_delete, &[("id", &id)])}</span>
                        <button id=format!("ed-yes-{i}") type="button" class="ed-danger" on:click=move |_| {
                            confirm.set(None);
                            state.commit(|items| {
                                if i < items.len() {
                                    items.remove(i);
                                }
                            });
                            // The form follows its item, or closes with it.
                            match state.target.get_untracked() {
                                Some(Target::Item(j)) if j == i => state.target.set(None),
                                Some(Target::Item(j)) if j > i => state.target.set(Some(Target::Item(j - 1))),
                                _ => {}
                            }
                            state.status.set(fill(NL.deleted, &[("id", &id2)]));
                            focus_later("ed-new");
                        }>{NL.yes_delete}</button>
                        <button type="button" on:click=move |_| {
                            confirm.set(None);
                            focus_later(&format!("ed-delete-{i}"));
                        }>{NL.cancel}</button>
                    }
                    .into_any()
                } else {
                    view! {
                        <button id=format!("ed-edit-{i}") type="button"
                            aria-label=format!("{} {id}", NL.edit)
                            on:click=move |_| state.open_form(Target::Item(i))>{NL.edit}</button>
                        <button id=format!("ed-delete-{i}") type="button" class="ed-quiet"
                            aria-label=format!("{} {id}", NL.delete)
                            on:click=move |_| {
                                confirm.set(Some(i));
                                focus_later(&format!("ed-yes-{i}"));
                            }>{NL.delete}</button>
                    }
                    .into_any()
                };
                let [_, category, kind, municipality, town, title, until] = c;
                view! {
                    <tr data-index=i class:ed-editing=editing_this class:ed-has-errors={n > 0}>
                        <th scope="row"><code>{id}</code></th>
                        <td>{category}</td>
                        <td>{kind}</td>
                        <td>{municipality}</td>
                        <td>{town}</td>
                        <td class="ed-title">{title}</td>
                        <td>{until}</td>
                        <td class="ed-check">{check}</td>
                        <td class="ed-actions">{actions}</td>
                    </tr>
                }
            })
            .collect_view()
    };

    view! {
        <div class="ed-table-wrap">
            <table class="ed-table">
                <caption>
                    {move || fill(NL.table_caption, &[("n", &state.file.with(|f| f.items.len()).to_string())])}
                </caption>
                <thead>
                    <tr>
                        {Col::ALL.into_iter().map(header).collect_view()}
                        <th scope="col">{NL.col_check}</th>
                        <th scope="col">{NL.col_actions}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
