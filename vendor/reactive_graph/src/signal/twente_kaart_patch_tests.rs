//! twente-kaart: tests of the three leak fixes in this copy (see vendor/README.md at the project root).
use super::{subscriber_traits::AsSubscriberSet, ArcRwSignal};
use crate::{effect::RenderEffect, owner::Owner, traits::Get};
use std::borrow::Borrow;

fn subscribers<T>(signal: &ArcRwSignal<T>) -> usize {
    let set = signal.as_subscriber_set().expect("a signal has a subscriber set");
    let set: &std::sync::RwLock<crate::graph::SubscriberSet> = set.borrow();
    let n = set.read().expect("not poisoned").len();
    n
}

#[test]
fn a_dropped_render_effect_leaves_the_signals_it_read() {
    let _ = any_spawner::Executor::init_futures_executor();
    let owner = Owner::new();
    owner.set();
    let signal = ArcRwSignal::new(0);
    let effects: Vec<_> = (0..100)
        .map(|_| {
            let signal = signal.clone();
            RenderEffect::new(move |_| {
                signal.get();
            })
        })
        .collect();
    assert_eq!(subscribers(&signal), 100);
    drop(effects);
    assert_eq!(subscribers(&signal), 0, "dropped effects are still subscribed");
}

#[test]
fn a_long_lived_owner_forgets_its_dropped_children() {
    let parent = Owner::new();
    for _ in 0..1000 {
        drop(parent.with(Owner::new));
    }
    let kept = parent.inner.read().expect("not poisoned").children.len();
    assert!(kept < 16, "{kept} entries kept for 1000 dropped children");
}

#[test]
fn a_dropped_memo_leaves_the_signals_it_read() {
    let _ = any_spawner::Executor::init_futures_executor();
    let owner = Owner::new();
    owner.set();
    let signal = ArcRwSignal::new(0);
    let memos: Vec<_> = (0..100)
        .map(|_| {
            let signal = signal.clone();
            let memo = crate::computed::ArcMemo::new(move |_| signal.get() + 1);
            assert_eq!(memo.get(), 1);
            memo
        })
        .collect();
    assert_eq!(subscribers(&signal), 100);
    drop(memos);
    assert_eq!(subscribers(&signal), 0, "dropped memos are still subscribed");
}
