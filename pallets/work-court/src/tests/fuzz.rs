//! Seeded random call sequences through the court, the work token and the market together:
//! reports and disputes, jobs and challenges, jurors joining and leaving, commitments (honest,
//! copied and garbage), reveals (matching and not), appeals, governance and arbiter verdicts,
//! and blocks in between. After every step: the three pallets' `try_state`, conservation of
//! issuance, for a call that failed an unchanged storage root (a failing call changes nothing,
//! even without a transactional layer), and the court's promises to its jurors:
//!
//! - a juror never loses more than `IncoherencePenalty × StakePerSeat` for a seat, and only for
//!   a seat whose vote was not the final ruling;
//! - a coherent juror is never penalised, and nobody but a seated juror is paid;
//! - a case ends within the bound of its rounds (checked by `try_state`: every open case is on
//!   the agenda or being settled).
//!
//! `WORK_COURT_FUZZ_CALLS` (default 3,000) and `WORK_COURT_FUZZ_SEED` (default 1) set the run:
//! `WORK_COURT_FUZZ_CALLS=200000 cargo test --release -p pallet-work-court fuzz -- --nocapture`.

use crate::{mock::*, CaseId, Cases, Docket, Event, Reduction, Ruling, Seats};
use frame_support::traits::Get;
use pallet_work_token::testing::SplitMix64;
use pallet_work_token::{SlashQueueState, Verdict};
use sp_runtime::DispatchResult;
use std::collections::BTreeMap;

/// The harness's random choices, drawn from the work token's test kit's seeded generator.
struct Rng(SplitMix64);
impl Rng {
	fn below(&mut self, n: u64) -> u64 {
		self.0.below(n)
	}
	/// Any account: governance, the parties, the jurors, and a few newcomers.
	fn account(&mut self) -> AccountId {
		match self.below(4) {
			0 => [GOVERNANCE, PROVIDER, DELEGATOR, REPORTER, CLIENT][self.below(5) as usize],
			1 => 36 + self.below(5),
			_ => JURORS[self.below(JURORS.len() as u64) as usize],
		}
	}
	fn amount(&mut self) -> Balance {
		match self.below(7) {
			0 => 0,
			1 => 1 + self.below(20) as Balance,
			2..=4 => 40 + self.below(200) as Balance,
			5 => 1_000 + self.below(5_000) as Balance,
			_ => Balance::MAX,
		}
	}
	fn ruling(&mut self) -> Ruling {
		[
			Ruling::Uphold,
			Ruling::Overturn,
			Ruling::Reduce(Reduction::Quarter),
			Ruling::Reduce(Reduction::Half),
			Ruling::Reduce(Reduction::ThreeQuarters),
		][self.below(5) as usize]
	}
	/// Mostly Minor, so that providers stay in business long enough to be judged often.
	fn severity(&mut self) -> Severity {
		match self.below(10) {
			0 => Severity::Critical,
			1..=3 => Severity::Major,
			_ => Severity::Minor,
		}
	}
	/// One of the two providers.
	fn provider(&mut self) -> AccountId {
		[PROVIDER, SECOND_PROVIDER][self.below(2) as usize]
	}
}

/// A second provider, registered at the start of each chain, with its own bonds and cases.
const SECOND_PROVIDER: AccountId = 11;

/// What the fuzz remembers between steps: the votes committed, to reveal them.
#[derive(Default)]
struct Memory {
	/// (case, juror) → the ruling and salt committed.
	committed: BTreeMap<(CaseId, AccountId), (Ruling, [u8; 32])>,
}

/// An open case most of the time; now and then one already gone or never opened.
fn some_case(rng: &mut Rng) -> CaseId {
	let open: Vec<CaseId> = Cases::<Test>::iter_keys().collect();
	if open.is_empty() || rng.below(8) == 0 {
		return Docket::<Test>::get().next_id.saturating_sub(rng.below(3) as u32);
	}
	open[rng.below(open.len() as u64) as usize]
}

/// A juror seated in case `id` (the current round's, most of the time), else anyone.
fn some_seated(rng: &mut Rng, id: CaseId) -> AccountId {
	let seats: Vec<_> = Seats::<Test>::iter_prefix(id).map(|(_, seat)| seat.juror).collect();
	if seats.is_empty() || rng.below(8) == 0 {
		return rng.account();
	}
	seats[rng.below(seats.len() as u64) as usize]
}

/// One random step; returns its name and result.
fn step(rng: &mut Rng, memory: &mut Memory) -> (&'static str, DispatchResult) {
	// A pending slash or an open job most of the time, else one recently gone.
	let slashes: Vec<u32> = pallet_work_token::PendingSlashes::<Test>::iter_keys().collect();
	let slash = match slashes.len() {
		n if n > 0 && rng.below(8) != 0 => slashes[rng.below(n as u64) as usize],
		_ => SlashQueueState::<Test>::get().next_id.saturating_sub(1 + rng.below(2) as u32),
	};
	let jobs: Vec<u64> = pallet_work_market::Jobs::<Test>::iter_keys().collect();
	let job = match jobs.len() {
		n if n > 0 && rng.below(8) != 0 => jobs[rng.below(n as u64) as usize],
		_ => pallet_work_market::JobQueueState::<Test>::get()
			.next_id
			.saturating_sub(1 + rng.below(2)),
	};
	let era = pallet_work_token::CurrentEra::<Test>::get();
	match rng.below(44) {
		0 | 1 => {
			let reporter = [REPORTER, CLIENT, DELEGATOR, 20][rng.below(4) as usize];
			let offence_era = era.saturating_sub(rng.below(2) as u32);
			let evidence = evidence(rng.below(200) as u8);
			let severity = rng.severity();
			let origin = if rng.below(4) == 0 {
				RuntimeOrigin::root()
			} else {
				RuntimeOrigin::signed(reporter)
			};
			let provider = rng.provider();
			(
				"report_offence",
				WorkToken::report_offence(origin, provider, severity, offence_era, evidence),
			)
		}
		2 | 3 | 36..=39 => {
			let accused = pallet_work_token::PendingSlashes::<Test>::get(slash).map(|p| p.provider);
			let who = match accused {
				Some(provider) if rng.below(5) != 0 => provider,
				_ => rng.account(),
			};
			("dispute_slash", WorkToken::dispute_slash(RuntimeOrigin::signed(who), slash))
		}
		4 => {
			let (who, amount) = (rng.account(), rng.amount());
			("join_jury", WorkCourt::join_jury(RuntimeOrigin::signed(who), amount))
		}
		5 => {
			let (who, amount) = (rng.account(), rng.amount());
			("unbond_juror", WorkCourt::unbond_juror(RuntimeOrigin::signed(who), amount))
		}
		6 => (
			"withdraw_juror_stake",
			WorkCourt::withdraw_juror_stake(RuntimeOrigin::signed(rng.account())),
		),
		7..=10 | 40..=43 => {
			let id = some_case(rng);
			let juror = some_seated(rng, id);
			let subject = Cases::<Test>::get(id).map(|case| case.subject);
			let mut ruling = rng.ruling();
			if subject.is_some_and(|subject| !subject.allows(ruling)) && rng.below(4) != 0 {
				ruling = Ruling::Uphold;
			}
			let salt = [rng.below(256) as u8; 32];
			let commitment = match rng.below(6) {
				// Garbage, or a commitment made for another account.
				0 => [rng.below(256) as u8; 32],
				1 => WorkCourt::commitment(&rng.account(), id, ruling, salt),
				_ => WorkCourt::commitment(&juror, id, ruling, salt),
			};
			let result = WorkCourt::commit_vote(RuntimeOrigin::signed(juror), id, commitment);
			if result.is_ok() {
				memory.committed.insert((id, juror), (ruling, salt));
			}
			("commit_vote", result)
		}
		11..=13 | 31..=35 => {
			// Mostly a juror that committed in a case now revealing.
			let revealing: Vec<(CaseId, AccountId)> = memory
				.committed
				.keys()
				.filter(|(id, _)| {
					Cases::<Test>::get(id)
						.is_some_and(|case| matches!(case.phase, crate::Phase::Reveal { .. }))
				})
				.copied()
				.collect();
			let (id, juror) = match revealing.len() {
				n if n > 0 && rng.below(4) != 0 => revealing[rng.below(n as u64) as usize],
				_ => {
					let id = some_case(rng);
					(id, some_seated(rng, id))
				}
			};
			let (ruling, salt) = match memory.committed.get(&(id, juror)) {
				Some(&(ruling, salt)) if rng.below(6) != 0 => (ruling, salt),
				_ => (rng.ruling(), [rng.below(256) as u8; 32]),
			};
			("reveal_vote", WorkCourt::reveal_vote(RuntimeOrigin::signed(juror), id, ruling, salt))
		}
		14 | 29 => {
			let id = some_case(rng);
			let who = [rng.provider(), rng.provider(), REPORTER, CLIENT, rng.account()]
				[rng.below(5) as usize];
			("appeal", WorkCourt::appeal(RuntimeOrigin::signed(who), id))
		}
		30 => {
			let id = some_case(rng);
			let who = if rng.below(3) == 0 { rng.account() } else { GOVERNANCE };
			let ruling = rng.ruling();
			("decide_appealed", WorkCourt::decide_appealed(RuntimeOrigin::signed(who), id, ruling))
		}
		// The owners end cases now and then, rarely enough that most are judged.
		15 if rng.below(4) == 0 => {
			let verdict =
				[Verdict::Uphold, Verdict::Overturn, Verdict::Reduce(Perbill::from_percent(40))]
					[rng.below(3) as usize];
			("resolve_dispute", WorkToken::resolve_dispute(RuntimeOrigin::root(), slash, verdict))
		}
		16 if rng.below(4) == 0 => {
			("cancel_slash", WorkToken::cancel_slash(RuntimeOrigin::root(), slash))
		}
		17 => {
			let fee = 1 + rng.below(30) as Balance;
			let spec = sp_core::H256::repeat_byte(rng.below(256) as u8);
			("submit_job", WorkMarket::submit_job(RuntimeOrigin::signed(CLIENT), spec, fee))
		}
		18 => {
			let result = sp_core::H256::repeat_byte(rng.below(256) as u8);
			(
				"submit_result",
				WorkMarket::submit_result(RuntimeOrigin::signed(rng.provider()), job, result),
			)
		}
		19 => {
			("challenge_result", WorkMarket::challenge_result(RuntimeOrigin::signed(CLIENT), job))
		}
		20 if rng.below(4) == 0 => {
			let upheld = rng.below(2) == 0;
			("resolve_challenge", WorkMarket::resolve_challenge(RuntimeOrigin::root(), job, upheld))
		}
		21 => (
			"apply_slash",
			WorkToken::apply_slash(RuntimeOrigin::signed(rng.account()), slash)
				.map(|_| ())
				.map_err(|e| e.error),
		),
		22 => ("unjail", WorkToken::unjail(RuntimeOrigin::signed(rng.provider()))),
		_ => {
			next_block();
			("advance_block", Ok(()))
		}
	}
}

/// Votes and final rulings before a step: what a penalty or a payment in it must agree with.
struct Before {
	/// (case, juror) → its vote, for every seat.
	votes: BTreeMap<(CaseId, AccountId), Option<Ruling>>,
	/// The final ruling of every case being settled.
	rulings: BTreeMap<CaseId, Ruling>,
}

impl Before {
	fn take() -> Self {
		let votes =
			Seats::<Test>::iter().map(|(id, _, seat)| ((id, seat.juror), seat.vote)).collect();
		let rulings = Cases::<Test>::iter()
			.filter(|(_, case)| case.phase == crate::Phase::Settling)
			.filter_map(|(id, case)| case.ruling.map(|ruling| (id, ruling)))
			.collect();
		Self { votes, rulings }
	}
}

/// The court's promises to jurors, checked against the events of one step: a penalty is at
/// most `IncoherencePenalty × StakePerSeat` and only for a seat that did not vote the final
/// ruling; a payment only for a seat that did.
fn check_juror_payments(before: &Before, events: &[Event<Test>], at: &str) {
	let cap = <Test as crate::Config>::IncoherencePenalty::get()
		.mul_floor(<Test as crate::Config>::StakePerSeat::get());
	let mut rulings = before.rulings.clone();
	for event in events {
		match event {
			Event::CaseDecided { case, ruling, .. } => {
				rulings.insert(*case, *ruling);
			}
			Event::JurorPenalised { case, juror, amount } => {
				assert!(*amount <= cap, "{at}: a penalty of {amount} > {cap}");
				let Some(vote) = before.votes.get(&(*case, *juror)) else {
					panic!(
						"{at}: juror {juror} penalised in case {case} without a seat: {events:?}"
					);
				};
				let ruling = rulings.get(case).expect("penalties follow a final ruling");
				assert_ne!(vote.as_ref(), Some(ruling), "{at}: a coherent juror was penalised");
			}
			Event::JurorRewarded { case, juror, .. } => {
				let Some(vote) = before.votes.get(&(*case, *juror)) else {
					panic!("{at}: juror {juror} paid in case {case} without a seat: {events:?}");
				};
				let ruling = rulings.get(case).expect("payments follow a final ruling");
				assert_eq!(vote.as_ref(), Some(ruling), "{at}: an incoherent juror was paid");
			}
			_ => {}
		}
	}
}

fn env(name: &str, default: u64) -> u64 {
	std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

#[test]
fn fuzz_the_court_with_the_token_and_the_market() {
	let calls = env("WORK_COURT_FUZZ_CALLS", 3_000);
	let seed = env("WORK_COURT_FUZZ_SEED", 1);
	let started = std::time::Instant::now();
	let mut per_call: BTreeMap<&'static str, (u64, u64)> = BTreeMap::new();
	let mut outcomes: BTreeMap<&'static str, u64> = BTreeMap::new();
	let mut errors: BTreeMap<String, u64> = BTreeMap::new();
	let mut steps = 0u64;
	// A fresh chain every 1,000 steps keeps eras, ids and jail terms small.
	while steps < calls {
		let chunk = (calls - steps).min(1_000);
		ExtBuilder::default().build_and_execute(|| {
			frame_support::assert_ok!(WorkToken::register_provider(
				RuntimeOrigin::signed(SECOND_PROVIDER),
				1_000,
				Perbill::from_percent(5)
			));
			let mut rng = Rng(SplitMix64(seed.wrapping_mul(1_000_003).wrapping_add(steps)));
			pallet_work_token::testing::set_random_seed(seed.wrapping_add(steps));
			let mut memory = Memory::default();
			for i in 0..chunk {
				let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
				let seen = court_events().len();
				let before = Before::take();
				let (name, result) = step(&mut rng, &mut memory);
				let tally = per_call.entry(name).or_default();
				match result {
					Ok(()) => tally.0 += 1,
					Err(e) => {
						tally.1 += 1;
						if std::env::var("WORK_COURT_FUZZ_ERRORS").is_ok() {
							*errors.entry(format!("{name}: {e:?}")).or_default() += 1;
						}
						let after = sp_io::storage::root(sp_runtime::StateVersion::V1);
						assert_eq!(
							root,
							after,
							"seed {seed}, step {}: failed {name} changed storage: {result:?}",
							steps + i
						);
					}
				}
				// Events of the step (the list starts again if a new block cleared it).
				let all = court_events();
				let seen = if all.len() < seen { 0 } else { seen };
				let events: Vec<_> = all.into_iter().skip(seen).collect();
				for event in &events {
					let outcome = match event {
						Event::CaseDecided { .. } => "case decided",
						Event::CaseClosed { .. } => "case closed by its owner",
						Event::JurorPenalised { .. } => "juror penalised",
						Event::JurorRewarded { .. } => "juror rewarded",
						Event::AppealBondForfeited { .. } => "appeal bond forfeited",
						Event::Appealed { to_fallback: true, .. } => "appeal to governance",
						Event::PotForfeited { .. } => "pot forfeited",
						Event::CaseSettled { .. } => "case settled",
						_ => continue,
					};
					*outcomes.entry(outcome).or_default() += 1;
				}
				let at = format!("seed {seed}, step {}, {name}", steps + i);
				check_juror_payments(&before, &events, &at);
				for (pallet, check) in [
					("court", WorkCourt::do_try_state()),
					("market", WorkMarket::do_try_state()),
					("work token", WorkToken::do_try_state()),
				] {
					if let Err(e) = check {
						panic!(
							"seed {seed}, step {}: {name} broke the {pallet}'s try_state: {e:?}",
							steps + i
						);
					}
				}
				pallet_work_token::testing::check_conservation::<Test>();
				// Keep the event list (and the per-step scan of it) short.
				if System::events().len() > 2_000 {
					System::reset_events();
				}
			}
		});
		steps += chunk;
	}
	println!(
		"court fuzz: seed {seed}, {steps} steps, 0 violations, {:.1} s",
		started.elapsed().as_secs_f64()
	);
	for (name, (succeeded, failed)) in &per_call {
		println!("  {name:<22} {succeeded:>9} ok {failed:>9} failed");
	}
	for (outcome, n) in &outcomes {
		println!("  {outcome:<26} {n:>9}");
	}
	for (error, n) in &errors {
		println!("  {error} × {n}");
	}
	if calls >= 3_000 {
		for name in ["dispute_slash", "join_jury", "commit_vote", "reveal_vote", "appeal"] {
			assert!(per_call.get(name).is_some_and(|t| t.0 > 0), "{name} never succeeded");
		}
		for outcome in ["case decided", "juror penalised", "juror rewarded", "case settled"] {
			assert!(outcomes.get(outcome).is_some_and(|n| *n > 0), "never: {outcome}");
		}
	}
}
