//! Seeded random call sequences: random origins, amounts (0, 1, dust, ordinary, huge,
//! `u128::MAX`) and every call, with era advances in between. After every step: `try_state`,
//! conservation (slashes, losing bonds and protocol fees go to the treasury, which grows by
//! exactly the `TreasuryDeposited` events), for a call that failed an unchanged storage root (a failing call changes
//! nothing, even called without a transactional layer), and the **adversary model**:
//!
//! The accounts are grouped into parties that act together (a provider with its puppets, a
//! second provider with its own, a third with clients and delegators, the oracle, a poor
//! account); any account of any party may make any call at any time. After every call and
//! after every block, no party holds more value than before it plus what it was paid in that
//! call or block: era emission and job fees paid to its providers, its part (by the shares it
//! held when they were credited) of what was credited to the pools it holds positions in, and
//! rewards for reporting another party's provider, plus at most [`ROUNDING`] units. Checking each step on its own, rather
//! than totals since genesis, keeps a party's own losses from hiding a gain it should not
//! have had. A party's value is everything its accounts own: free and held balance, and every
//! delegation position (bonded value, waiting tokens, unbonding chunks, unpaid rewards), and
//! the fees of its queued and open jobs, which wait in the market's escrow.
//!
//! The calls are both pallets' (the work token's and the market's), and so are the events and
//! the invariants checked after each step.
//!
//! `WORK_TOKEN_FUZZ_CALLS` (default 3,000) and `WORK_TOKEN_FUZZ_SEED` (default 1) set the
//! run; the long run documented in `docs/RELIABILITY.md` is
//! `WORK_TOKEN_FUZZ_CALLS=1000000 cargo test --release -p pallet-work-market fuzz -- --nocapture`.

use crate::{mock::*, Event as MarketEvent, JobQueueState, Jobs, ReputationTiers};
use pallet_work_token::testing::SplitMix64;
use pallet_work_token::{
	ActiveSetMode, CurrentEra, Delegations, Event as TokenEvent, PendingSlashes, Pools, Providers,
	Severity, SlashFractions, SlashQueueState, Verdict,
};
use sp_runtime::DispatchResult;

/// The harness's random choices, drawn from the work token's test kit's seeded generator.
struct Rng(SplitMix64);
impl Rng {
	fn below(&mut self, n: u64) -> u64 {
		self.0.below(n)
	}
	fn account(&mut self) -> AccountId {
		const ACCOUNTS: [AccountId; 11] = [POOR, 10, 11, 12, 13, 14, 15, 16, 17, 18, ORACLE];
		ACCOUNTS[self.below(ACCOUNTS.len() as u64) as usize]
	}
	fn amount(&mut self) -> Balance {
		match self.below(8) {
			0 => 0,
			1 => 1,
			2 => self.below(10) as Balance,
			3 | 4 => 10 + self.below(500) as Balance,
			5 => 500 + self.below(5_000) as Balance,
			6 => 1_000_000_000_000,
			_ => Balance::MAX,
		}
	}
	fn perbill(&mut self) -> Perbill {
		match self.below(4) {
			0 => Perbill::zero(),
			1 => Perbill::one(),
			_ => Perbill::from_parts(self.below(1_000_000_001) as u32),
		}
	}
	fn severity(&mut self) -> Severity {
		[Severity::Minor, Severity::Major, Severity::Critical][self.below(3) as usize]
	}
}

/// The parties of the adversary model: accounts that act together.
const PARTIES: [&[AccountId]; 5] =
	[&[10, 12, 14], &[11, 13, 15], &[16, 17, 18], &[ORACLE], &[POOR]];

/// Everything `who` owns: free and held balance, and the value of its positions.
fn account_value(who: AccountId) -> u128 {
	use frame_support::traits::fungible::Inspect;
	let positions: u128 = Delegations::<Test>::iter_prefix(who)
		.filter_map(|(provider, _)| WorkToken::delegation_summary(&who, &provider))
		.map(|d| {
			let unbonding: u128 = d.unbonding.iter().map(|(_, v)| *v).sum();
			d.value + d.entering + unbonding + d.pending_rewards
		})
		.sum();
	// Fees of its queued and open jobs wait in the escrow: still the client's until paid.
	Balances::total_balance(&who) + positions + held_fees(who)
}

fn party_of(who: AccountId) -> Option<usize> {
	PARTIES.iter().position(|p| p.contains(&who))
}

/// Pool ownership: `provider -> (pool shares, shares held by each party)`.
type Owners = std::collections::BTreeMap<AccountId, (u128, Vec<u128>)>;

/// Units of rounding a party may gain in one step (the last holder of a pool takes the
/// rounding remainders others left, each under one unit).
const ROUNDING: u128 = 3;

fn party_values() -> Vec<u128> {
	PARTIES.iter().map(|p| p.iter().map(|w| account_value(*w)).sum()).collect()
}

/// Tracks each party's value and what it was paid since the last check (module docs).
struct Accountant {
	seed: u64,
	before: Vec<u128>,
	paid_in: Vec<u128>,
	/// How many of each hook outcome were seen (the report's coverage figures).
	outcomes: std::collections::BTreeMap<&'static str, u64>,
	/// With `WORK_TOKEN_FUZZ_TRACE` set: every account's holdings at the last check.
	detail: String,
	/// The treasury's balance at the last check.
	treasury_before: u128,
	/// `TreasuryDeposited` amounts seen since the last check.
	treasury_in: u128,
}

/// Every party account's free and held balance and positions (for tracing a violation).
fn describe() -> String {
	use frame_support::traits::fungible::Inspect;
	PARTIES
		.iter()
		.flat_map(|p| p.iter())
		.map(|who| {
			let positions: Vec<_> = Delegations::<Test>::iter_prefix(who)
				.map(|(provider, raw)| {
					(provider, WorkToken::delegation_summary(who, &provider), raw)
				})
				.collect();
			format!("\n  {who}: total {} {positions:?}", Balances::total_balance(who))
		})
		.collect()
}

impl Accountant {
	fn new(seed: u64) -> Self {
		Accountant {
			seed,
			before: party_values(),
			paid_in: vec![0; PARTIES.len()],
			outcomes: Default::default(),
			detail: String::new(),
			treasury_before: free_balance(TREASURY),
			treasury_in: 0,
		}
	}

	/// Who owns each pool now: `provider -> (pool shares, shares held by each party)`.
	fn owners() -> Owners {
		let mut owners = Owners::new();
		for (provider, pool) in Pools::<Test>::iter() {
			owners.insert(provider, (pool.shares, vec![0; PARTIES.len()]));
		}
		for (delegator, provider, _) in Delegations::<Test>::iter() {
			let (Some(party), Some(entry)) = (party_of(delegator), owners.get_mut(&provider))
			else {
				continue;
			};
			let summary = WorkToken::delegation_summary(&delegator, &provider);
			entry.1[party] += summary.map_or(0, |d| d.shares);
		}
		owners
	}

	/// Credits the payments among `events` (of both pallets; the payments are all the work
	/// token's) to the parties they reach; pool credits by the shares in `owners` (taken
	/// before the events).
	fn observe(&mut self, events: &[RuntimeEvent], owners: &Owners) {
		let mut slashed: std::collections::BTreeMap<u32, AccountId> = Default::default();
		for event in events {
			if let RuntimeEvent::WorkToken(TokenEvent::TreasuryDeposited { amount }) = event {
				self.treasury_in += amount;
			}
			if let RuntimeEvent::WorkToken(TokenEvent::SlashApplied { id, provider, .. }) = event {
				slashed.insert(*id, *provider);
			}
			// A reward for reporting one's own party pays nothing in: it came out of the
			// party's own stake.
			if let RuntimeEvent::WorkToken(TokenEvent::ReporterRewarded { id, reporter, .. }) =
				event
			{
				let inside = slashed.get(id).and_then(|p| party_of(*p)) == party_of(*reporter);
				if inside {
					continue;
				}
			}
			let outcome = match event {
				RuntimeEvent::WorkMarket(event) => match event {
					MarketEvent::JobAssigned { .. } => Some("job assigned"),
					MarketEvent::JobUnassigned { .. } => Some("job unassigned"),
					MarketEvent::JobCompleted { .. } => Some("job completed"),
					MarketEvent::JobFailed { .. } => Some("job failed"),
					MarketEvent::ChallengeLapsed { .. } => Some("challenge lapsed"),
					_ => None,
				},
				RuntimeEvent::WorkToken(event) => match event {
					TokenEvent::SlashApplied { .. } => Some("slash applied"),
					TokenEvent::SlashSuperseded { .. } => Some("slash superseded"),
					TokenEvent::Suspended { .. } => Some("provider suspended"),
					TokenEvent::EntryConverted { .. } => Some("cohort entered"),
					TokenEvent::FeesDistributed { .. } => Some("fees split"),
					TokenEvent::Kicked { .. } => Some("position kicked"),
					_ => None,
				},
				_ => None,
			};
			if let Some(outcome) = outcome {
				*self.outcomes.entry(outcome).or_default() += 1;
			}
			let RuntimeEvent::WorkToken(event) = event else {
				continue;
			};
			let (to_provider, to_pool, provider): (u128, u128, AccountId) = match event {
				TokenEvent::ProviderRewarded { provider, commission, self_stake, .. } => {
					(commission + self_stake, 0, *provider)
				}
				TokenEvent::PoolRewarded { provider, amount, .. } => (0, *amount, *provider),
				TokenEvent::FeesDistributed { provider, to_provider, to_pool, .. } => {
					(*to_provider, *to_pool, *provider)
				}
				TokenEvent::ReporterRewarded { reporter, amount, .. } => (*amount, 0, *reporter),
				_ => continue,
			};
			if let Some(party) = party_of(provider) {
				self.paid_in[party] += to_provider;
			}
			let Some((shares, held)) = owners.get(&provider).filter(|_| to_pool > 0) else {
				continue;
			};
			for (party, part) in held.iter().enumerate() {
				self.paid_in[party] += (to_pool * part).div_ceil((*shares).max(1));
			}
		}
	}

	/// The adversary invariant: no party got richer than what it was paid since the last
	/// check. Starts the next period.
	fn check(&mut self, step: u64, name: &str) {
		let (seed, now) = (self.seed, party_values());
		let trace = std::env::var("WORK_TOKEN_FUZZ_TRACE").is_ok();
		for (i, party) in PARTIES.iter().enumerate() {
			let allowed = self.before[i] + self.paid_in[i] + ROUNDING;
			assert!(
				now[i] <= allowed,
				"seed {seed}, step {step}: after {name}, party {party:?} holds {}, more than \
				 {} before + {} paid in\nbefore: {}\nafter: {}\nevents: {:?}",
				now[i],
				self.before[i],
				self.paid_in[i],
				self.detail,
				if trace { describe() } else { String::new() },
				if trace { events_since(0) } else { Vec::new() },
			);
		}
		// Protocol revenue only ever arrives in the treasury, to the unit, announced by events.
		let treasury = free_balance(TREASURY);
		assert_eq!(
			treasury,
			self.treasury_before + self.treasury_in,
			"seed {seed}, step {step}: after {name}, the treasury moved without TreasuryDeposited"
		);
		self.treasury_before = treasury;
		self.treasury_in = 0;
		self.before = now;
		self.paid_in = vec![0; PARTIES.len()];
		if trace {
			self.detail = describe();
		}
	}
}

/// Runs the blocks up to `target` one at a time, checking each block's payments.
fn advance_to(target: u64, accountant: &mut Accountant) {
	while System::block_number() < target {
		let owners = Accountant::owners();
		let seen = System::events().len();
		run_to_block(System::block_number() + 1);
		accountant.observe(&events_since(seen), &owners);
		accountant.check(System::block_number(), "the hooks of a block");
	}
}

fn env(name: &str, default: u64) -> u64 {
	std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// One random step; returns its name and the call's result (`Ok` for block advances).
fn step(rng: &mut Rng, accountant: &mut Accountant) -> (&'static str, DispatchResult) {
	let mut who = rng.account();
	let mut other = rng.account();
	// Three times in four, aim at live state: a registered provider, an existing position,
	// a pending slash, an open job. Otherwise anything, to hit the errors.
	let aim = rng.below(4) != 0;
	if aim {
		let providers: Vec<AccountId> = Providers::<Test>::iter_keys().collect();
		if !providers.is_empty() {
			other = providers[rng.below(providers.len() as u64) as usize];
		}
	}
	let positions: Vec<(AccountId, AccountId)> = Delegations::<Test>::iter_keys().collect();
	let position = (aim && !positions.is_empty())
		.then(|| positions[rng.below(positions.len() as u64) as usize]);
	let era = CurrentEra::<Test>::get();
	let pending: Vec<u32> = PendingSlashes::<Test>::iter_keys().collect();
	let slash_id = if aim && !pending.is_empty() {
		pending[rng.below(pending.len() as u64) as usize]
	} else {
		rng.below(u64::from(SlashQueueState::<Test>::get().next_id) + 1) as u32
	};
	let open: Vec<u64> = Jobs::<Test>::iter_keys().collect();
	let job_id = if aim && !open.is_empty() {
		open[rng.below(open.len() as u64) as usize]
	} else {
		rng.below(JobQueueState::<Test>::get().next_id + 1)
	};
	// Kinds 36 and 37 move jobs along (deliver, accept) so that the market's deep paths run.
	let kind = match rng.below(38) {
		36 => 23,
		37 => 24,
		k => k,
	};
	// Deliver and settle aim at jobs in the state that lets them succeed.
	let wanted = |job: &crate::Job<Test>| match kind {
		23 => job.status == crate::JobStatus::Assigned,
		24 => matches!(job.status, crate::JobStatus::Submitted { .. }),
		25 => matches!(job.status, crate::JobStatus::Challenged { .. }),
		_ => true,
	};
	let ready: Vec<u64> =
		Jobs::<Test>::iter().filter(|(_, j)| wanted(j)).map(|(id, _)| id).collect();
	let job_id = if aim && !ready.is_empty() {
		ready[rng.below(ready.len() as u64) as usize]
	} else {
		job_id
	};
	if let (Some((d, p)), 7 | 8 | 11 | 12) = (position, kind) {
		(who, other) = (d, p);
	}
	if let (true, Some(slash), 15) = (aim, PendingSlashes::<Test>::get(slash_id), kind) {
		who = slash.provider;
	}
	let o = RuntimeOrigin::signed(who);
	let r = |res: sp_runtime::DispatchResultWithInfo<_>| res.map(|_| ()).map_err(|e| e.error);
	match kind {
		0 => ("register_provider", WorkToken::register_provider(o, rng.amount(), rng.perbill())),
		1 => ("bond_extra", WorkToken::bond_extra(o, rng.amount())),
		2 => ("unbond", WorkToken::unbond(o, rng.amount())),
		3 => ("rebond", r(WorkToken::rebond(o, rng.amount()))),
		4 => ("withdraw_unbonded", r(WorkToken::withdraw_unbonded(o))),
		5 | 6 => ("delegate", WorkToken::delegate(o, other, rng.amount())),
		7 => ("undelegate", WorkToken::undelegate(o, other, rng.amount())),
		8 => ("withdraw_delegation", r(WorkToken::withdraw_delegation(o, other))),
		9 => ("set_min_delegation", WorkToken::set_min_delegation(o, rng.amount())),
		10 => ("set_commission", WorkToken::set_commission(o, rng.perbill())),
		11 => ("claim_rewards", WorkToken::claim_rewards(o, other)),
		12 => ("set_auto_compound", WorkToken::set_auto_compound(o, other, rng.below(2) == 0)),
		13 | 14 => {
			let origin = match rng.below(3) {
				0 => RuntimeOrigin::root(),
				1 => RuntimeOrigin::signed(ORACLE),
				_ => o,
			};
			let offence_era = era.saturating_sub(rng.below(3) as u32) + rng.below(2) as u32;
			let ev = evidence(rng.below(4) as u8);
			(
				"report_offence",
				WorkToken::report_offence(origin, other, rng.severity(), offence_era, ev),
			)
		}
		15 => ("dispute_slash", WorkToken::dispute_slash(o, slash_id)),
		16 => {
			let verdict = match rng.below(3) {
				0 => Verdict::Uphold,
				1 => Verdict::Overturn,
				_ => Verdict::Reduce(rng.perbill()),
			};
			let origin = if rng.below(4) == 0 { o } else { RuntimeOrigin::root() };
			("resolve_dispute", WorkToken::resolve_dispute(origin, slash_id, verdict))
		}
		17 => ("cancel_slash", WorkToken::cancel_slash(RuntimeOrigin::root(), slash_id)),
		18 => ("apply_slash", r(WorkToken::apply_slash(o, slash_id))),
		19 => ("unjail", WorkToken::unjail(o)),
		20 => {
			let mut f = [rng.perbill(), rng.perbill(), rng.perbill()];
			if rng.below(2) == 0 {
				f.sort();
			}
			let fractions = SlashFractions { minor: f[0], major: f[1], critical: f[2] };
			(
				"set_slash_fractions",
				WorkToken::set_slash_fractions(RuntimeOrigin::root(), fractions),
			)
		}
		21 | 22 => {
			// Half of the fees are ones the providers can back, so that jobs get assigned.
			let fee = if rng.below(2) == 0 { 1 + rng.below(60) as Balance } else { rng.amount() };
			("submit_job", WorkMarket::submit_job(o, evidence(9), fee))
		}
		23 => {
			// Mostly by the assigned provider, so that jobs get delivered.
			let by = match Jobs::<Test>::get(job_id) {
				Some(job) if rng.below(4) != 0 => job.provider,
				_ => who,
			};
			(
				"submit_result",
				WorkMarket::submit_result(RuntimeOrigin::signed(by), job_id, evidence(8)),
			)
		}
		24 => {
			let by = match Jobs::<Test>::get(job_id) {
				Some(job) if rng.below(4) != 0 => job.client,
				_ => who,
			};
			let o = RuntimeOrigin::signed(by);
			if rng.below(3) == 0 {
				("challenge_result", WorkMarket::challenge_result(o, job_id))
			} else {
				("accept_result", WorkMarket::accept_result(o, job_id))
			}
		}
		25 => (
			"resolve_challenge",
			WorkMarket::resolve_challenge(RuntimeOrigin::root(), job_id, rng.below(2) == 0),
		),
		26 => {
			let mode = match rng.below(3) {
				0 => ActiveSetMode::Unbounded,
				1 => ActiveSetMode::Static(rng.below(5) as u32),
				_ => ActiveSetMode::Dynamic {
					min: rng.below(4) as u32,
					max: rng.below(6) as u32,
					jobs_per_provider: rng.below(4) as u32,
				},
			};
			("set_active_set_mode", WorkToken::set_active_set_mode(RuntimeOrigin::root(), mode))
		}
		27 => {
			let tiers = ReputationTiers {
				low_below: Permill::from_percent(rng.below(101) as u32),
				high_from: Permill::from_percent(rng.below(101) as u32),
				low: rng.below(200) as u16,
				mid: rng.below(200) as u16,
				high: rng.below(200) as u16,
			};
			("set_reputation_tiers", WorkMarket::set_reputation_tiers(RuntimeOrigin::root(), tiers))
		}
		28 => ("chill", WorkToken::chill(o)),
		29 => ("unchill", WorkToken::unchill(o)),
		30 | 31 => {
			advance_to(System::block_number() + 1 + rng.below(4), accountant);
			("advance_blocks", Ok(()))
		}
		// Leaving ends a provider for good: rarer than the other calls.
		32 if rng.below(4) == 0 => ("deregister", WorkToken::deregister(o)),
		32 if rng.below(3) == 0 => (
			"deregister_underfunded",
			WorkToken::deregister_underfunded(RuntimeOrigin::signed(who), other),
		),
		32 => {
			advance_to(System::block_number() + 1, accountant);
			("advance_blocks", Ok(()))
		}
		33 => {
			let (delegator, provider) = position.unwrap_or((who, other));
			("kick", WorkToken::kick(RuntimeOrigin::signed(rng.account()), delegator, provider))
		}
		_ => {
			advance_to(u64::from(era + 1) * ERA_LENGTH, accountant);
			("advance_era", Ok(()))
		}
	}
}

#[test]
fn fuzz_random_call_sequences_keep_every_invariant() {
	let calls = env("WORK_TOKEN_FUZZ_CALLS", 3_000);
	let seed = env("WORK_TOKEN_FUZZ_SEED", 1);
	let started = std::time::Instant::now();
	let mut ok = 0u64;
	// `WORK_TOKEN_FUZZ_FROM` replays a long run from the chain (of 2,000 steps) holding a step.
	let mut steps = env("WORK_TOKEN_FUZZ_FROM", 0) / 2_000 * 2_000;
	let mut per_call: std::collections::BTreeMap<&'static str, (u64, u64)> = Default::default();
	let mut outcomes: std::collections::BTreeMap<&'static str, u64> = Default::default();
	// A fresh chain every 2,000 steps keeps eras and ids small, like a real chain's day.
	while steps < calls {
		let chunk = (calls - steps).min(2_000);
		ExtBuilder::default()
			.provider(10, 2_000, Perbill::from_percent(5))
			.provider(11, 1_000, Perbill::from_percent(10))
			// Provider 16 has little own stake and a large pool of other parties' tokens: the
			// shape a provider would need to profit from slashing its own delegators.
			.provider(16, 150, Perbill::zero())
			.delegation(13, 10, 700)
			.delegation(17, 10, 300)
			.delegation(12, 11, 500)
			.delegation(13, 16, 2_500)
			.delegation(12, 16, 2_000)
			.build_and_execute(|| {
				let mut rng = Rng(SplitMix64(seed.wrapping_mul(1_000_003).wrapping_add(steps)));
				set_random_seed(seed.wrapping_add(steps));
				let mut accountant = Accountant::new(seed);
				for i in 0..chunk {
					let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
					let seen = System::events().len();
					let (name, result) = step(&mut rng, &mut accountant);
					if !name.starts_with("advance") {
						accountant.observe(&events_since(seen), &Owners::new());
					}
					let tally = per_call.entry(name).or_default();
					if result.is_ok() {
						tally.0 += 1;
					} else {
						tally.1 += 1;
					}
					if result.is_err() {
						let after = sp_io::storage::root(sp_runtime::StateVersion::V1);
						assert_eq!(
							root,
							after,
							"seed {seed}, step {}: failed {name} changed storage: {result:?}",
							steps + i
						);
					} else {
						ok += 1;
					}
					if let Err(e) = WorkMarket::do_try_state() {
						panic!(
							"seed {seed}, step {}: {name} broke the market's try_state: {e:?}",
							steps + i
						);
					}
					if let Err(e) = WorkToken::do_try_state() {
						panic!(
							"seed {seed}, step {}: {name} broke the work token's try_state: {e:?}",
							steps + i
						);
					}
					check_conservation();
					accountant.check(steps + i, name);
				}
				for (outcome, n) in &accountant.outcomes {
					*outcomes.entry(outcome).or_default() += n;
				}
			});
		steps += chunk;
	}
	println!(
		"fuzz: seed {seed}, {steps} steps ({ok} succeeded), 0 violations, {:.1} s",
		started.elapsed().as_secs_f64()
	);
	for (name, (succeeded, failed)) in &per_call {
		println!("  {name:<22} {succeeded:>9} ok {failed:>9} failed");
	}
	for (outcome, n) in &outcomes {
		println!("  {outcome:<22} {n:>9}");
	}
	// The sequences reach the deep paths, not only their errors.
	let deep = [
		"deregister",
		"kick",
		"report_offence",
		"dispute_slash",
		"resolve_dispute",
		"submit_job",
		"submit_result",
		"accept_result",
		"delegate",
		"undelegate",
		"claim_rewards",
	];
	for name in deep {
		if calls >= 3_000 {
			assert!(per_call.get(name).is_some_and(|t| t.0 > 0), "{name} never succeeded");
		}
	}
}
