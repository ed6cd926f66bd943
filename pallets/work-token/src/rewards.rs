//! Era rewards (S14).
//!
//! At the start of each era the pallet mints the emission of the era that ended and splits it
//! across providers by the stake that was bonded for that whole era:
//!
//! - a provider's weight is its *earning* self-stake (the lowest active stake during the era)
//!   plus the value of its pool's *earning* shares (all shares except those minted during the
//!   era), and only providers whose earning self-stake meets [`MinProviderStake`] take part;
//! - a provider's reward `R` pays commission `c·R` first; the rest is split pro rata between
//!   the earning self-stake and the earning delegated tokens;
//! - the provider's part (commission + self-stake part) is minted to it at once; the delegated
//!   part is minted into the delegation account and added to the pool's reward-per-share
//!   accumulator, from which each position is paid in O(1) when it is next touched.
//!
//! Shares minted during era `e` form a *joining cohort*. At the `e → e+1` boundary the pool
//! records the accumulator value in [`CohortRewardPerShare`]; those shares earn only what the
//! accumulator gains after that point. So a delegation made in era `e` earns nothing for `e`.
//! Cohort records are reference counted and removed when their last position settles.
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
	delegation::ShareBook, BalanceOf, CohortRewardPerShare, Config, CurrentEra, Delegation,
	DelegationPool, Error, Event, InflationRate, Ledgers, MinProviderStake, Pallet, Pools,
	Providers, RewardsUnclaimed, StakeLedger, TotalDelegated, TotalStaked, WeightInfo,
};
use alloc::vec::Vec;
use frame_support::{
	ensure,
	traits::{
		fungible::{Inspect, Mutate},
		tokens::Preservation,
		Get,
	},
	weights::Weight,
};
use sp_arithmetic::{helpers_128bit::multiply_by_rational_with_rounding, Rounding};
use sp_runtime::{
	traits::{CheckedAdd, Saturating, UniqueSaturatedFrom, UniqueSaturatedInto, Zero},
	DispatchResult, FixedPointNumber, FixedU128, Perbill,
};

fn to_u128<T: Config>(b: BalanceOf<T>) -> u128 {
	b.unique_saturated_into()
}

fn from_u128<T: Config>(v: u128) -> BalanceOf<T> {
	BalanceOf::<T>::unique_saturated_from(v)
}

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

impl<T: Config> Pallet<T> {
	/// Settles `delegation`'s rewards up to now against `pool` (which must be its provider's
	/// pool): earning shares collect what the accumulator gained since they were last settled;
	/// a joining cohort from an earlier era collects from the value recorded for it.
	pub(crate) fn settle(
		provider: &T::AccountId,
		delegation: &mut Delegation<T>,
		pool: &DelegationPool<T>,
	) {
		let (gained, cohort_rolled) = Self::unsettled_rewards(provider, delegation, pool);
		if cohort_rolled {
			Self::release_cohort(provider, delegation.joining_era);
			delegation.joining = Zero::zero();
		}
		delegation.reward_per_share_paid = pool.reward_per_share;
		delegation.unclaimed = delegation.unclaimed.saturating_add(gained);
	}

	/// What `delegation` earned since it was last settled, without changing anything, and
	/// whether its joining cohort has rolled (so settling would merge it).
	pub(crate) fn unsettled_rewards(
		provider: &T::AccountId,
		delegation: &Delegation<T>,
		pool: &DelegationPool<T>,
	) -> (BalanceOf<T>, bool) {
		let acc = pool.reward_per_share;
		let earning = to_u128::<T>(delegation.shares.saturating_sub(delegation.joining));
		let mut gained = earned(earning, delegation.reward_per_share_paid, acc);
		let rolled =
			!delegation.joining.is_zero() && delegation.joining_era < CurrentEra::<T>::get();
		if rolled {
			let cohort = CohortRewardPerShare::<T>::get(provider, delegation.joining_era);
			let start = cohort.map(|(value, _)| value).unwrap_or(acc);
			gained = gained.saturating_add(earned(to_u128::<T>(delegation.joining), start, acc));
		}
		(from_u128::<T>(gained), rolled)
	}

	/// Everything `delegation` could claim now: settled and unsettled rewards.
	pub fn pending_rewards(
		provider: &T::AccountId,
		delegation: &Delegation<T>,
		pool: &DelegationPool<T>,
	) -> BalanceOf<T> {
		let (unsettled, _) = Self::unsettled_rewards(provider, delegation, pool);
		delegation.unclaimed.saturating_add(unsettled)
	}

	/// Drops one reference to a cohort record, removing it with its last reference.
	fn release_cohort(provider: &T::AccountId, era: crate::EraIndex) {
		CohortRewardPerShare::<T>::mutate_exists(provider, era, |entry| {
			if let Some((_, refs)) = entry {
				*refs = refs.saturating_sub(1);
				if *refs == 0 {
					*entry = None;
				}
			}
		});
	}

	/// Records `minted` new shares of `delegation` in the current era's joining cohort.
	pub(crate) fn join_cohort(
		delegation: &mut Delegation<T>,
		pool: &mut DelegationPool<T>,
		minted: BalanceOf<T>,
	) {
		let now = CurrentEra::<T>::get();
		if pool.joining_era != now {
			// The boundary rolled the previous cohort; start this era's.
			pool.joining_era = now;
			pool.joining_shares = Zero::zero();
			pool.joining_members = 0;
		}
		if delegation.joining.is_zero() {
			pool.joining_members = pool.joining_members.saturating_add(1);
		}
		delegation.joining = delegation.joining.saturating_add(minted);
		delegation.joining_era = now;
		pool.joining_shares = pool.joining_shares.saturating_add(minted);
	}

	/// Removes `burnt` shares from `delegation` (settled first), taking them from the joining
	/// cohort before the earning shares.
	pub(crate) fn leave_cohort(
		delegation: &mut Delegation<T>,
		pool: &mut DelegationPool<T>,
		burnt: BalanceOf<T>,
	) {
		let from_joining = burnt.min(delegation.joining);
		if from_joining.is_zero() {
			return;
		}
		delegation.joining = delegation.joining.saturating_sub(from_joining);
		pool.joining_shares = pool.joining_shares.saturating_sub(from_joining);
		if delegation.joining.is_zero() {
			pool.joining_members = pool.joining_members.saturating_sub(1);
		}
	}

	/// Pays out (or, with auto-compound, re-delegates) `delegation`'s settled rewards.
	/// Returns the amount.
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
		// Compound only into a pool that can still take deposits (not fully slashed) and that
		// has no slash pending (the new shares must not pay for a past offence, S10).
		let can_compound =
			(pool.shares.is_zero() || !pool.tokens.is_zero()) && !Self::has_pending_slash(provider);
		if delegation.auto_compound && can_compound {
			let minted = Self::deposit_into_pool(pool, amount)?;
			delegation.shares = delegation.shares.saturating_add(minted);
			Self::join_cohort(delegation, pool, minted);
			RewardsUnclaimed::<T>::mutate(|r| *r = r.saturating_sub(amount));
			TotalDelegated::<T>::mutate(|t| *t = t.saturating_add(amount));
			delegation.unclaimed = Zero::zero();
			Self::deposit_event(Event::RewardsCompounded {
				delegator: delegator.clone(),
				provider: provider.clone(),
				amount,
				shares: minted,
			});
			return Ok(amount);
		}
		T::Currency::transfer(
			&Self::delegation_account(),
			delegator,
			amount,
			Preservation::Preserve,
		)?;
		RewardsUnclaimed::<T>::mutate(|r| *r = r.saturating_sub(amount));
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
		if delegation.is_empty() {
			Self::remove_delegation(delegator, provider);
		} else {
			crate::Delegations::<T>::insert(delegator, provider, delegation);
		}
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

	/// A provider's reward weight for the era that ends: `(self, delegated)` earning stake.
	fn earning_stake(
		active: &alloc::collections::btree_set::BTreeSet<T::AccountId>,
		provider: &T::AccountId,
		ledger: &StakeLedger<T>,
		pool: &DelegationPool<T>,
		ended: u32,
	) -> (u128, u128) {
		if ledger.earning < MinProviderStake::<T>::get() || ledger.earning.is_zero() {
			return (0, 0);
		}
		if Self::is_jailed(provider) {
			return (0, 0);
		}
		if !active.contains(provider) {
			return (0, 0);
		}
		let joining = if pool.joining_era == ended { pool.joining_shares } else { Zero::zero() };
		let earning_shares = pool.shares.saturating_sub(joining);
		(to_u128::<T>(ledger.earning), to_u128::<T>(pool.value_of(earning_shares)))
	}

	/// Distributes the emission of era `ended` and prepares every provider for the next era.
	/// Reads and writes each provider once: O(providers), independent of delegators.
	pub(crate) fn distribute_era_rewards(ended: u32) -> Weight {
		// The providers that were active in the era that ended.
		let active: alloc::collections::btree_set::BTreeSet<T::AccountId> =
			crate::ActiveSet::<T>::get().into_iter().map(|p| p.who).collect();
		let providers: Vec<(T::AccountId, StakeLedger<T>, DelegationPool<T>)> =
			Ledgers::<T>::iter()
				.filter_map(|(who, ledger)| Pools::<T>::get(&who).map(|pool| (who, ledger, pool)))
				.collect();
		let count = providers.len() as u64;
		let total_weight: u128 = providers
			.iter()
			.map(|(who, l, p)| {
				let (s, d) = Self::earning_stake(&active, who, l, p, ended);
				effective(s.saturating_add(d), Self::reputation_multiplier(who))
			})
			.fold(0u128, |acc, w| acc.saturating_add(w));
		let emission = to_u128::<T>(Self::era_emission());
		let mut minted = 0u128;

		for (provider, mut ledger, mut pool) in providers {
			let (self_stake, delegated) =
				Self::earning_stake(&active, &provider, &ledger, &pool, ended);
			let weight = effective(
				self_stake.saturating_add(delegated),
				Self::reputation_multiplier(&provider),
			);
			if weight > 0 && total_weight > 0 && emission > 0 {
				let reward = mul_div_down(emission, weight, total_weight);
				let commission =
					Providers::<T>::get(&provider).map(|i| i.commission).unwrap_or_default();
				let split = split_reward(reward, commission, self_stake, delegated);
				let own = split.commission.saturating_add(split.self_stake);
				if own > 0 && T::Currency::mint_into(&provider, from_u128::<T>(own)).is_ok() {
					minted = minted.saturating_add(own);
					Self::deposit_event(Event::ProviderRewarded {
						provider: provider.clone(),
						era: ended,
						commission: from_u128::<T>(split.commission),
						self_stake: from_u128::<T>(split.self_stake),
					});
				}
				let joining =
					if pool.joining_era == ended { pool.joining_shares } else { Zero::zero() };
				let earning_shares = to_u128::<T>(pool.shares.saturating_sub(joining));
				// The increment is rounded down, so minting the whole delegated part always
				// covers every claim it creates; the remainder is bounded dust. An increment
				// that rounds to zero or does not fit the accumulator (unreachable while every
				// earning position holds at least `MinDelegation` shares) mints nothing.
				let increment = FixedU128::checked_from_rational(split.delegated, earning_shares)
					.unwrap_or_default();
				let next = pool.reward_per_share.checked_add(&increment);
				if let (false, Some(next)) = (increment.is_zero(), next) {
					let account = Self::delegation_account();
					if T::Currency::mint_into(&account, from_u128::<T>(split.delegated)).is_ok() {
						minted = minted.saturating_add(split.delegated);
						pool.reward_per_share = next;
						RewardsUnclaimed::<T>::mutate(|r| {
							*r = r.saturating_add(from_u128::<T>(split.delegated))
						});
						Self::deposit_event(Event::PoolRewarded {
							provider: provider.clone(),
							era: ended,
							amount: from_u128::<T>(split.delegated),
						});
					}
				}
			}
			// Roll the joining cohort of the era that ended: it earns from here on.
			if pool.joining_era == ended && pool.joining_members > 0 {
				CohortRewardPerShare::<T>::insert(
					&provider,
					ended,
					(pool.reward_per_share, pool.joining_members),
				);
			}
			if pool.joining_era <= ended {
				pool.joining_shares = Zero::zero();
				pool.joining_members = 0;
				pool.joining_era = ended.saturating_add(1);
			}
			ledger.earning = ledger.active;
			Ledgers::<T>::insert(&provider, ledger);
			Pools::<T>::insert(&provider, pool);
		}

		crate::TotalMinted::<T>::mutate(|m| *m = m.saturating_add(from_u128::<T>(minted)));
		let issuance = T::Currency::total_issuance();
		let bonded = TotalStaked::<T>::get().saturating_add(TotalDelegated::<T>::get());
		let ratio = Perbill::from_rational(to_u128::<T>(bonded), to_u128::<T>(issuance).max(1));
		let rate = next_inflation(
			InflationRate::<T>::get(),
			ratio,
			T::TargetStakingRatio::get(),
			T::MaxInflationChange::get(),
			T::MinInflation::get(),
			T::MaxInflation::get(),
		);
		InflationRate::<T>::put(rate);
		Self::deposit_event(Event::EraRewarded {
			era: ended,
			emission: from_u128::<T>(minted),
			staking_ratio: ratio,
			next_inflation: rate,
		});
		T::WeightInfo::new_era(count as u32)
	}
}
