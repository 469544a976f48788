//! Running a session live: items in any order with their time on screen, the timer planned with
//! the server's clock, one session running at a time, and a run that fits its agenda.

mod common;

use common::apply;
use polku_core::*;

const MIN: i64 = 60_000;

fn item(id: u128, minutes: Option<u32>) -> AgendaItem {
    AgendaItem { id: Id::from_u128(id), title: format!("Kohta {id}"), minutes, instructions: String::new(), board_id: None }
}

/// A workshop with two sessions, the first with three agenda items (10 min, 5 min, free).
fn programme() -> (Workshop, Id, Id) {
    let mut w = common::workshop("Ohjelma");
    let (a, b) = (Id::from_u128(500), Id::from_u128(501));
    let mut fields = SessionFields::titled("Palvelupolku");
    fields.agenda = vec![item(600, Some(10)), item(601, Some(5)), item(602, None)];
    apply(&mut w, Op::CreateSession { session: NewSession { id: a, index: 0, fields } }, 1);
    apply(&mut w, Op::CreateSession { session: NewSession { id: b, index: 1, fields: SessionFields::titled("Kanavat") } }, 1);
    (w, a, b)
}

fn run(w: &mut Workshop, id: Id, step: RunStep, now: i64) {
    apply(w, Op::RunSession { id, step }, now);
}

fn state(w: &Workshop, id: Id) -> SessionRun {
    w.session(id).unwrap().run.clone().expect("the session has been run")
}

#[test]
fn items_go_in_any_order_and_each_keeps_its_time_on_screen() {
    let (mut w, s, _) = programme();
    run(&mut w, s, RunStep::Start, 10 * MIN);
    let r = state(&w, s);
    assert_eq!(r.item_id, Some(Id::from_u128(600)));
    assert_eq!(r.timer, Timer { length_ms: Some(10 * MIN), run_ms: 0, running_since: None }, "the first item's minutes, standing");

    // Skip the second item, then come back to it, then back to the first.
    run(&mut w, s, RunStep::Go { item_id: Id::from_u128(602) }, 13 * MIN);
    assert_eq!(state(&w, s).timer.length_ms, None, "an item without minutes has a free timer");
    run(&mut w, s, RunStep::Go { item_id: Id::from_u128(601) }, 15 * MIN);
    assert_eq!(state(&w, s).timer.length_ms, Some(5 * MIN));
    run(&mut w, s, RunStep::Go { item_id: Id::from_u128(600) }, 19 * MIN);
    run(&mut w, s, RunStep::End, 20 * MIN);
    let r = state(&w, s);
    let times: Vec<(u128, i64)> = r.item_times.iter().map(|t| (t.item_id.as_u128(), t.ms / MIN)).collect();
    assert_eq!(times, [(600, 4), (602, 2), (601, 4)]);
    assert_eq!(r.ended_at, Some(20 * MIN));

    // Started again, it goes on where it was, and the time away is not counted.
    run(&mut w, s, RunStep::Start, 60 * MIN);
    run(&mut w, s, RunStep::Go { item_id: Id::from_u128(601) }, 61 * MIN);
    assert_eq!(state(&w, s).item_times[0].ms, 5 * MIN);
    assert_eq!(state(&w, s).started_at, 10 * MIN);
}

#[test]
fn the_timer_runs_on_the_servers_clock() {
    let (mut w, s, _) = programme();
    run(&mut w, s, RunStep::Start, 0);
    run(&mut w, s, RunStep::StartTimer, MIN);
    run(&mut w, s, RunStep::StartTimer, 2 * MIN);
    assert_eq!(state(&w, s).timer.running_since, Some(MIN), "a second start is no restart");
    run(&mut w, s, RunStep::PauseTimer, 4 * MIN);
    let t = state(&w, s).timer;
    assert_eq!((t.run_ms, t.running_since), (3 * MIN, None));
    run(&mut w, s, RunStep::AddTime { ms: MIN }, 5 * MIN);
    assert_eq!(state(&w, s).timer.length_ms, Some(11 * MIN));
    run(&mut w, s, RunStep::StartTimer, 6 * MIN);
    // Minus more than is left ends the countdown now, never before what has run.
    run(&mut w, s, RunStep::AddTime { ms: -10 * MIN }, 7 * MIN);
    let t = state(&w, s).timer;
    assert_eq!(t.length_ms, Some(4 * MIN));
    assert_eq!(t.run_by(7 * MIN), 4 * MIN);
    run(&mut w, s, RunStep::ResetTimer, 8 * MIN);
    assert_eq!(state(&w, s).timer, Timer { length_ms: Some(10 * MIN), run_ms: 0, running_since: None });
    run(&mut w, s, RunStep::SetTimer { length_ms: None }, 9 * MIN);
    let free = plan(&Op::RunSession { id: s, step: RunStep::AddTime { ms: MIN } }, &w, 9 * MIN);
    assert!(matches!(free, Err(OpError::Validation { .. })), "{free:?}");
    let long = plan(&Op::RunSession { id: s, step: RunStep::SetTimer { length_ms: Some(601 * MIN) } }, &w, 9 * MIN);
    assert!(matches!(long, Err(OpError::Validation { .. })), "{long:?}");
}

#[test]
fn one_session_runs_at_a_time_and_an_ended_one_takes_no_steps() {
    let (mut w, a, b) = programme();
    run(&mut w, a, RunStep::Start, 0);
    run(&mut w, a, RunStep::StartTimer, 0);
    run(&mut w, b, RunStep::Start, 2 * MIN);
    let first = state(&w, a);
    assert_eq!(first.ended_at, Some(2 * MIN));
    assert_eq!(first.timer.running_since, None, "its timer stopped with it");
    assert_eq!(state(&w, b).item_id, None, "a session with no agenda runs with no item");
    run(&mut w, b, RunStep::End, 3 * MIN);
    let refused = plan(&Op::RunSession { id: b, step: RunStep::StartTimer }, &w, 4 * MIN);
    assert!(matches!(refused, Err(OpError::Conflict(_))), "{refused:?}");
    let stranger = plan(&Op::RunSession { id: a, step: RunStep::Go { item_id: Id::from_u128(999) } }, &w, 4 * MIN);
    assert!(stranger.is_err());
}

#[test]
fn taking_the_item_on_screen_off_the_agenda_leaves_the_run_fitting_it() {
    let (mut w, s, _) = programme();
    run(&mut w, s, RunStep::Start, 0);
    run(&mut w, s, RunStep::Go { item_id: Id::from_u128(601) }, MIN);
    let patch = SessionPatch { agenda: Some(vec![item(601, Some(5))]), ..Default::default() };
    apply(&mut w, Op::UpdateSession { id: s, patch }, 2 * MIN);
    assert_eq!(state(&w, s).item_id, Some(Id::from_u128(601)));
    assert!(state(&w, s).item_times.is_empty(), "the removed item's time went with it");
    let patch = SessionPatch { agenda: Some(vec![item(602, None)]), ..Default::default() };
    let changes = apply(&mut w, Op::UpdateSession { id: s, patch }, 3 * MIN);
    assert_eq!(state(&w, s).item_id, None);
    assert!(run::check_run(&w.session(s).unwrap()).is_ok());
    run(&mut w, s, RunStep::End, 3 * MIN);
    run(&mut w, s, RunStep::Start, 3 * MIN);
    assert_eq!(state(&w, s).item_id, Some(Id::from_u128(602)), "started again, it goes on from the first item");
    run(&mut w, s, RunStep::Go { item_id: Id::from_u128(602) }, 3 * MIN);
    // Undo puts the agenda back; the run stays as it is now (it is not an edit to undo).
    for op in undo_ops(&changes) {
        apply(&mut w, op, 4 * MIN);
    }
    assert_eq!(w.session(s).unwrap().fields.agenda[0].id, Id::from_u128(601));
}
