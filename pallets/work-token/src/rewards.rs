//! Era rewards (S14).
//!
//! At the start of each era the pallet mints the emission of the era that ended and splits it
//! across providers by the stake that was bonded for that whole era:
//!
//! - a provider's **whole-era stake** is its *earning* self-stake (the lowest active stake
//!   during the era) plus the value of its pool's shares (shares are only created at era
//!   boundaries, see [`crate::entry`]), less what its pending slashes have locked (stake that
//!   will be slashed earns nothing, S33);
//! - its weight is that stake times the reputation multiplier it had when the era's active
//!   set was built; only members of that set that are not jailed and whose earning self-stake
//!   meets [`MinProviderStake`] take part;
//! - a provider's reward `R` pays commission `c·R` first; the rest is split pro rata between
//!   the earning self-stake and the earning delegated tokens;
//! - the provider's part (commission + self-stake part) is minted to it at once; the delegated
//!   part is minted into the delegation account and added to the pool's reward-per-share
//!   accumulator, from which each position is paid in O(1) when it is next touched.
//!
//! **Job fees** earned during the era wait in the pool's `unsplit_fees` and are split at the
//! same boundary by the same whole-era stake (S29), so stake bonded or delegated just before a
//! client accepts a job takes nothing from the provider's delegators.
//!
//! Rounding: the accumulator increment `delegated / earning_shares` is rounded down to 18
//! decimals and each payout is rounded down, so everything ever claimable never exceeds what
//! was minted. The remainder stays in the delegation account, inside [`RewardsUnclaimed`]: per
//! pool and era less than `earning_shares / 10^18 + 1` units, plus less than one unit per
//! settlement. A holder's shortfall against its exact rational share is below
//! `eras * (shares / 10^18 + 1) + 1` units (property-tested). A delegated part whose increment
//! rounds to zero is not minted at all.
//!
//! The annual rate [`InflationRate`] moves by at most `MaxInflationChange` per era toward the
//! target staking ratio: below target it rises, above target it falls, always within
//! `[MinInflation, MaxInflation]`.

use crate::{
	types::{from_u128, to_u128},
	BalanceOf, Config, Delegation, DelegationPool, Error, Event, InflationRate, Ledgers,
	MinProviderStake, Pallet, Pools, Providers, StakeLedger, TotalDelegated, TotalStaked,
	WeightInfo,
};
use alloc::{collections::btree_map::BTreeMap, vec::Vec};
use frame_support::{
	ensure,
	traits::{
		fungible::{Inspect, Mutate},
		Get,
	},
	weights::Weight,
};
use sp_arithmetic::{helpers_128bit::multiply_by_rational_with_rounding, Rounding};
use sp_runtime::{
	traits::{CheckedAdd, Saturating, Zero},
	DispatchResult, FixedPointNumber, FixedU128, Perbill,
};

/// `a * b / c`, rounded down; zero when `c` is zero or on overflow.
fn mul_div_down(a: u128, b: u128, c: u128) -> u128 {
	if c == 0 {
		return 0;
	}
	multiply_by_rational_with_rounding(a, b, c, Rounding::Down).unwrap_or(0)
}

/// `shares * (to - from)`, rounded down: what `shares` earned between two accumulator values.
pub(crate) fn earned(shares: u128, from: FixedU128, to: FixedU128) -> u128 {
	to.saturating_sub(from).saturating_mul_int(shares)
}

/// How one provider's era reward splits (the worked example in the docs is a test of this).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct RewardSplit {
	/// The commission on the whole reward.
	pub commission: u128,
	/// The self-stake's pro-rata part of what is left.
	pub self_stake: u128,
	/// The delegated tokens' pro-rata part of what is left.
	pub delegated: u128,
}

/// Effective reward weight: earning stake × reputation multiplier (percent), S13/S14.
fn effective(stake: u128, multiplier_percent: u16) -> u128 {
	stake.saturating_mul(u128::from(multiplier_percent)).checked_div(100).unwrap_or(0)
}

/// Splits `reward` of a provider with `commission`, `self_stake` and `delegated` earning
/// stake: commission first, the rest pro rata, rounding in favour of the delegators' pool only
/// by what the self-stake part rounds down. The three parts add up to `reward` exactly.
pub fn split_reward(
	reward: u128,
	commission: Perbill,
	self_stake: u128,
	delegated: u128,
) -> RewardSplit {
	let commission_part = commission.mul_floor(reward);
	let rest = reward.saturating_sub(commission_part);
	let weight = self_stake.saturating_add(delegated);
	let self_part = if delegated == 0 { rest } else { mul_div_down(rest, self_stake, weight) };
	RewardSplit {
		commission: commission_part,
		self_stake: self_part,
		delegated: rest.saturating_sub(self_part),
	}
}

/// The next annual inflation rate: toward the target staking `ratio`, by at most `max_change`.
pub fn next_inflation(
	current: Perbill,
	ratio: Perbill,
	target: Perbill,
	max_change: Perbill,
	min: Perbill,
	max: Perbill,
) -> Perbill {
	let next = if ratio < target {
		// Too little stake: raise the rate in proportion to the shortfall.
		let shortfall = Perbill::from_rational(
			target.saturating_sub(ratio).deconstruct(),
			target.deconstruct(),
		);
		current.saturating_add(shortfall.saturating_mul(max_change))
	} else {
		// Enough or too much: lower it in proportion to the excess over the target.
		let room = Perbill::one().saturating_sub(target);
		let excess = if room.is_zero() {
			Perbill::one()
		} else {
			Perbill::from_rational(ratio.saturating_sub(target).deconstruct(), room.deconstruct())
		};
		current.saturating_sub(excess.saturating_mul(max_change))
	};
	next.max(min).min(max)
}

/// A provider's stake for one era's payouts (S14, S29): what backed it for the whole era.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct EraStake {
	/// Earning self-stake, less what pending slashes locked of it.
	pub self_stake: u128,
	/// Value of the pool's shares, less what pending slashes locked of the delegators.
	pub delegated: u128,
}

/// A provider at an era boundary: its ledger, its pool, its whole-era stake and its emission
/// weight.
type EraPayee<T> =
	(<T as frame_system::Config>::AccountId, StakeLedger<T>, DelegationPool<T>, EraStake, u128);

impl<T: Config> Pallet<T> {
	/// Settles `delegation`'s rewards up to now against `pool` (which must be its provider's
	/// pool), then collects the shares of its converted entry cohorts.
	pub(crate) fn settle(
		provider: &T::AccountId,
		delegation: &mut Delegation<T>,
		pool: &DelegationPool<T>,
	) {
		let gained = earned(
			to_u128::<T>(delegation.shares),
			delegation.reward_per_share_paid,
			pool.reward_per_share,
		);
		delegation.reward_per_share_paid = pool.reward_per_share;
		delegation.unclaimed = delegation.unclaimed.saturating_add(from_u128::<T>(gained));
		Self::collect_entries(provider, delegation, pool);
	}

	/// Everything `delegation` could claim now: settled and unsettled rewards.
	pub fn pending_rewards(
		provider: &T::AccountId,
		delegation: &Delegation<T>,
		pool: &DelegationPool<T>,
	) -> BalanceOf<T> {
		let gained = earned(
			to_u128::<T>(delegation.shares),
			delegation.reward_per_share_paid,
			pool.reward_per_share,
		);
		let (_, from_entries) = Self::uncollected_entries(provider, delegation, pool);
		delegation.unclaimed.saturating_add(from_u128::<T>(gained)).saturating_add(from_entries)
	}

	/// Pays out (or, with auto-compound, re-delegates through an entry cohort)
	/// `delegation`'s settled rewards. Returns the amount.
	pub(crate) fn pay_rewards(
		delegator: &T::AccountId,
		provider: &T::AccountId,
		delegation: &mut Delegation<T>,
		pool: &mut DelegationPool<T>,
	) -> Result<BalanceOf<T>, sp_runtime::DispatchError> {
		let amount = delegation.unclaimed;
		if amount.is_zero() {
			return Ok(amount);
		}
		let can_compound = Self::accepts_delegations(provider).is_ok();
		if delegation.auto_compound && can_compound {
			Self::join_entry(delegation, pool, amount)?;
			Self::compound_rewards(amount);
			delegation.unclaimed = Zero::zero();
			Self::deposit_event(Event::RewardsCompounded {
				delegator: delegator.clone(),
				provider: provider.clone(),
				amount,
			});
			return Ok(amount);
		}
		Self::pay_rewards_out(delegator, amount)?;
		delegation.unclaimed = Zero::zero();
		Self::deposit_event(Event::RewardsClaimed {
			delegator: delegator.clone(),
			provider: provider.clone(),
			amount,
		});
		Ok(amount)
	}

	/// `claim_rewards`: settles and pays out the caller's rewards from `provider`'s pool.
	pub(crate) fn do_claim_rewards(
		delegator: &T::AccountId,
		provider: &T::AccountId,
	) -> DispatchResult {
		let mut delegation =
			crate::Delegations::<T>::get(delegator, provider).ok_or(Error::<T>::NotDelegator)?;
		let mut pool = Pools::<T>::get(provider).ok_or(Error::<T>::NotProvider)?;
		Self::settle(provider, &mut delegation, &pool);
		ensure!(!delegation.unclaimed.is_zero(), Error::<T>::NothingToClaim);
		Self::pay_rewards(delegator, provider, &mut delegation, &mut pool)?;
		Pools::<T>::insert(provider, pool);
		Self::save_delegation(delegator, provider, delegation);
		Ok(())
	}

	/// `set_auto_compound`: whether the caller's rewards from `provider` are re-delegated.
	pub(crate) fn do_set_auto_compound(
		delegator: &T::AccountId,
		provider: &T::AccountId,
		enabled: bool,
	) -> DispatchResult {
		crate::Delegations::<T>::try_mutate(delegator, provider, |d| -> DispatchResult {
			let d = d.as_mut().ok_or(Error::<T>::NotDelegator)?;
			d.auto_compound = enabled;
			Ok(())
		})?;
		Self::deposit_event(Event::AutoCompoundSet {
			delegator: delegator.clone(),
			provider: provider.clone(),
			enabled,
		});
		Ok(())
	}

	/// The emission of one era at the current annual rate.
	pub fn era_emission() -> BalanceOf<T> {
		let issuance = to_u128::<T>(T::Currency::total_issuance());
		let annual = InflationRate::<T>::get().mul_floor(issuance);
		from_u128::<T>(annual.checked_div(u128::from(T::ErasPerYear::get())).unwrap_or(0))
	}

	/// `provider`'s whole-era stake for the era that ends (see the module docs).
	pub(crate) fn whole_era_stake(
		provider: &T::AccountId,
		ledger: &StakeLedger<T>,
		pool: &DelegationPool<T>,
	) -> EraStake {
		let (locked_own, locked_pool) = crate::Offences::<T>::get(provider)
			.map(|r| (r.locked_own, r.locked_pool))
			.unwrap_or_default();
		EraStake {
			self_stake: to_u128::<T>(ledger.earning.saturating_sub(locked_own)),
			delegated: to_u128::<T>(pool.tokens.saturating_sub(locked_pool)),
		}
	}

	/// The emission weight of a provider with `stake` for the era that ends: zero unless it
	/// was in the era's active set (with reputation multiplier `multiplier`), is not jailed and
	/// its earning self-stake meets the minimum.
	fn emission_weight(
		provider: &T::AccountId,
		ledger: &StakeLedger<T>,
		stake: EraStake,
		multiplier: Option<u16>,
	) -> u128 {
		let Some(multiplier) = multiplier else { return 0 };
		let meets_minimum =
			!ledger.earning.is_zero() && ledger.earning >= MinProviderStake::<T>::get();
		if !meets_minimum || Self::is_barred(provider) {
			return 0;
		}
		effective(stake.self_stake.saturating_add(stake.delegated), multiplier)
	}

	/// Distributes the emission and the job fees of era `ended`, converts the entry cohorts
	/// that may enter, and prepares every provider for the next era. Reads and writes each
	/// provider once: O(providers), independent of delegators.
	pub(crate) fn distribute_era_rewards(ended: u32) -> Weight {
		// The providers that were active in the era that ended, with their multipliers.
		let active: BTreeMap<T::AccountId, u16> =
			crate::ActiveSet::<T>::get().into_iter().map(|p| (p.who, p.multiplier)).collect();
		let providers: Vec<EraPayee<T>> = Ledgers::<T>::iter()
			.filter_map(|(who, ledger)| {
				let pool = Pools::<T>::get(&who)?;
				let stake = Self::whole_era_stake(&who, &ledger, &pool);
				let weight = Self::emission_weight(&who, &ledger, stake, active.get(&who).copied());
				Some((who, ledger, pool, stake, weight))
			})
			.collect();
		let count = providers.len() as u64;
		let total_weight = providers.iter().fold(0u128, |acc, p| acc.saturating_add(p.4));
		let emission = to_u128::<T>(Self::era_emission());
		let mut minted = 0u128;
		let next = ended.saturating_add(1);

		for (provider, mut ledger, mut pool, stake, weight) in providers {
			let reward = mul_div_down(emission, weight, total_weight);
			minted = minted
				.saturating_add(Self::pay_emission(&provider, &mut pool, ended, reward, stake));
			Self::split_fees(&provider, &mut pool, ended, stake);
			Self::convert_entry_cohorts(&provider, &mut pool, next);
			// Below the era's minimum at its end and for all of it (a provider that registered
			// during the era had the minimum when it did, so it is not).
			let minimum = MinProviderStake::<T>::get();
			ledger.underfunded = ledger.active < minimum && ledger.earning < minimum;
			ledger.earning = ledger.active;
			ledger.save_bookkeeping(&provider);
			Pools::<T>::insert(&provider, pool);
		}

		crate::TotalMinted::<T>::mutate(|m| *m = m.saturating_add(from_u128::<T>(minted)));
		let rate = Self::adjust_inflation();
		Self::deposit_event(Event::EraRewarded {
			era: ended,
			emission: from_u128::<T>(minted),
			staking_ratio: Self::staking_ratio(),
			next_inflation: rate,
		});
		T::WeightInfo::new_era(count as u32)
	}

	/// Raises `pool`'s reward per share by `amount` over its shares; the caller adds `amount`
	/// to [`RewardsUnclaimed`]. False (nothing changed) when the pool has no shares or the
	/// increment rounds to zero or does not fit.
	fn credit_pool(pool: &mut DelegationPool<T>, amount: u128) -> bool {
		let increment =
			FixedU128::checked_from_rational(amount, to_u128::<T>(pool.shares)).unwrap_or_default();
		match pool.reward_per_share.checked_add(&increment) {
			Some(next) if !increment.is_zero() => {
				pool.reward_per_share = next;
				true
			}
			_ => false,
		}
	}

	/// Mints `reward` for `provider` and its pool, split by `stake`. Returns what was minted.
	fn pay_emission(
		provider: &T::AccountId,
		pool: &mut DelegationPool<T>,
		era: u32,
		reward: u128,
		stake: EraStake,
	) -> u128 {
		if reward == 0 {
			return 0;
		}
		let commission = Providers::<T>::get(provider).map(|i| i.commission).unwrap_or_default();
		let split = split_reward(reward, commission, stake.self_stake, stake.delegated);
		let mut minted = 0u128;
		let own = split.commission.saturating_add(split.self_stake);
		if own > 0 && T::Currency::mint_into(provider, from_u128::<T>(own)).is_ok() {
			minted = minted.saturating_add(own);
			Self::deposit_event(Event::ProviderRewarded {
				provider: provider.clone(),
				era,
				commission: from_u128::<T>(split.commission),
				self_stake: from_u128::<T>(split.self_stake),
			});
		}
		// The increment is rounded down, so minting the whole delegated part always covers
		// every claim it creates; the remainder is bounded dust. An increment that rounds to
		// zero mints nothing.
		let mut credited = pool.clone();
		if split.delegated > 0
			&& Self::credit_pool(&mut credited, split.delegated)
			&& Self::mint_rewards(from_u128::<T>(split.delegated)).is_ok()
		{
			*pool = credited;
			minted = minted.saturating_add(split.delegated);
			Self::deposit_event(Event::PoolRewarded {
				provider: provider.clone(),
				era,
				amount: from_u128::<T>(split.delegated),
			});
		}
		minted
	}

	/// Splits `pool`'s job fees of era `era` by `stake` (S29): the provider's part leaves the
	/// delegation account for the provider, the delegators' part stays there as rewards.
	fn split_fees(
		provider: &T::AccountId,
		pool: &mut DelegationPool<T>,
		era: u32,
		stake: EraStake,
	) {
		let fees = core::mem::take(&mut pool.unsplit_fees);
		if fees.is_zero() {
			return;
		}
		let commission = Providers::<T>::get(provider).map(|i| i.commission).unwrap_or_default();
		let split = split_reward(to_u128::<T>(fees), commission, stake.self_stake, stake.delegated);
		let to_pool = if Self::credit_pool(pool, split.delegated) { split.delegated } else { 0 };
		Self::fees_to_rewards(from_u128::<T>(to_pool));
		let to_provider = fees.saturating_sub(from_u128::<T>(to_pool));
		Self::pay_fees_out(provider, to_provider);
		Self::deposit_event(Event::FeesDistributed {
			provider: provider.clone(),
			era,
			to_provider,
			to_pool: from_u128::<T>(to_pool),
		});
	}

	/// Bonded stake over total issuance.
	fn staking_ratio() -> Perbill {
		let issuance = T::Currency::total_issuance();
		let bonded = TotalStaked::<T>::get().saturating_add(TotalDelegated::<T>::get());
		Perbill::from_rational(to_u128::<T>(bonded), to_u128::<T>(issuance).max(1))
	}

	/// Moves the annual inflation rate toward the target staking ratio. Returns the new rate.
	fn adjust_inflation() -> Perbill {
		let rate = next_inflation(
			InflationRate::<T>::get(),
			Self::staking_ratio(),
			T::TargetStakingRatio::get(),
			T::MaxInflationChange::get(),
			T::MinInflation::get(),
			T::MaxInflation::get(),
		);
		InflationRate::<T>::put(rate);
		rate
	}
}
