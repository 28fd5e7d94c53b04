//! Billing: subscriptions, plans and credit balances of a payer (a user or an organization).
//!
//! The spec calls these `Commerce*`; the crate names them `Billing*`. Amounts are integers in
//! the currency's smallest unit (cents), always paired with a formatted form.

use clerk_macros::{Deserialize, Serialize};

string_enum! {
    /// Status of a [`BillingSubscription`].
    pub enum BillingSubscriptionStatus {
        /// Paid up and in force.
        Active = "active",
        /// A payment failed and the subscription is waiting for it.
        PastDue = "past_due",
        /// Cancelled; it may still run until the end of the period.
        Canceled = "canceled",
        /// Over.
        Ended = "ended",
        /// Given up before it started.
        Abandoned = "abandoned",
        /// Started but not completed (for example a checkout left unpaid).
        Incomplete = "incomplete",
    }
}

string_enum! {
    /// Status of a [`BillingSubscriptionItem`].
    pub enum BillingSubscriptionItemStatus {
        /// In force.
        Active = "active",
        /// Cancelled; it may still run until the end of the period.
        Canceled = "canceled",
        /// Its period ran out.
        Expired = "expired",
        /// Over.
        Ended = "ended",
        /// A payment for it failed.
        PastDue = "past_due",
        /// Scheduled to start later (for example after a downgrade).
        Upcoming = "upcoming",
        /// Started but not completed.
        Incomplete = "incomplete",
        /// Given up before it started.
        Abandoned = "abandoned",
    }
}

string_enum! {
    /// How often a plan is billed.
    pub enum BillingPlanPeriod {
        /// Every month.
        Month = "month",
        /// Once a year.
        Annual = "annual",
    }
}

string_enum! {
    /// Kind of a [`BillingPaymentMethod`].
    pub enum BillingPaymentType {
        /// A payment card.
        Card = "card",
        /// A Link wallet.
        Link = "link",
        /// The payer's own credit balance.
        PayerCredits = "payer-credits",
    }
}

string_enum! {
    /// Whether a [`BillingPaymentMethod`] can still be charged.
    pub enum BillingPaymentMethodStatus {
        /// Usable.
        Active = "active",
        /// No longer connected to the gateway.
        Disconnected = "disconnected",
    }
}

string_enum! {
    /// Direction of a credit balance adjustment.
    pub enum CreditBalanceAction {
        /// Add credits.
        Increase = "increase",
        /// Remove credits.
        Decrease = "decrease",
    }
}

/// An amount of money, raw and formatted.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct BillingMoney {
    /// The amount in the currency's smallest unit (cents).
    pub amount: i64,
    /// The amount formatted for display, e.g. `$49.99`.
    pub amount_formatted: String,
    /// ISO currency code, e.g. `USD`.
    pub currency: String,
    /// Currency symbol, e.g. `$`.
    pub currency_symbol: String,
}

/// The billing subscription of a payer: the plans it pays for and what comes next.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct BillingSubscription {
    /// Always `commerce_subscription`.
    pub object: String,
    /// Unique id of the subscription.
    pub id: String,
    /// Id of the instance the subscription belongs to.
    pub instance_id: String,
    /// Where the subscription stands.
    pub status: BillingSubscriptionStatus,
    /// Id of the payer (user or organization billing profile).
    pub payer_id: String,
    /// When the subscription was created (unix milliseconds).
    pub created_at: i64,
    /// When the subscription was last modified (unix milliseconds).
    pub updated_at: i64,
    /// When the subscription became active (unix milliseconds), if it did.
    #[serde(default)]
    pub active_at: Option<i64>,
    /// When the subscription fell past due (unix milliseconds), if it did.
    #[serde(default)]
    pub past_due_at: Option<i64>,
    /// One item per plan the payer is subscribed to.
    pub subscription_items: Vec<BillingSubscriptionItem>,
    /// The next scheduled charge, when there is one.
    #[serde(default)]
    pub next_payment: Option<BillingSubscriptionNextPayment>,
    /// Whether the payer may still start a free trial.
    #[serde(default)]
    pub eligible_for_free_trial: Option<bool>,
}

/// The next scheduled charge of a [`BillingSubscription`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct BillingSubscriptionNextPayment {
    /// When the charge is due (unix milliseconds).
    pub date: i64,
    /// The base plan fee only; per-unit charges are in `totals.grand_total`.
    pub amount: BillingMoney,
    /// Per-unit charges (for example seats) of the next payment.
    #[serde(default)]
    pub per_unit_totals: Option<Vec<BillingPerUnitTotal>>,
    /// Breakdown of the recurring amount billed at renewal (tax and credits not previewed).
    #[serde(default)]
    pub totals: Option<BillingTotals>,
}

/// One plan within a [`BillingSubscription`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct BillingSubscriptionItem {
    /// Always `commerce_subscription_item`.
    pub object: String,
    /// Unique id of the item.
    pub id: String,
    /// Id of the instance.
    pub instance_id: String,
    /// Where the item stands.
    pub status: BillingSubscriptionItemStatus,
    /// Credit information; only sent with payment attempt events.
    #[serde(default)]
    pub credit: Option<BillingSubscriptionCredit>,
    /// Every credit applied to this item, when any.
    #[serde(default)]
    pub credits: Option<BillingCredits>,
    /// Id of the plan, if the item still has one.
    #[serde(default)]
    pub plan_id: Option<String>,
    /// Id of the price the item is charged at.
    #[serde(default)]
    pub price_id: Option<String>,
    /// The plan itself, when included.
    #[serde(default)]
    pub plan: Option<BillingPlan>,
    /// Billing period of the item.
    pub plan_period: BillingPlanPeriod,
    /// The payment method charged for the item, when included.
    #[serde(default)]
    pub payment_method: Option<BillingPaymentMethod>,
    /// Everything paid for this item so far, when included.
    #[serde(default)]
    pub lifetime_paid: Option<BillingMoney>,
    /// The next charge of this item, if one is scheduled.
    #[serde(default)]
    pub next_payment: Option<BillingSubscriptionItemNextPayment>,
    /// Id of the payer.
    pub payer_id: String,
    /// The payer, when included.
    #[serde(default)]
    pub payer: Option<BillingPayer>,
    /// Whether the item is in a free trial.
    pub is_free_trial: bool,
    /// Start of the current period (unix milliseconds).
    pub period_start: i64,
    /// End of the current period (unix milliseconds), if it has one.
    #[serde(default)]
    pub period_end: Option<i64>,
    /// Day the item was prorated from (`YYYY-MM-DD`); only in some responses.
    #[serde(default)]
    pub proration_date: Option<String>,
    /// When the item was cancelled (unix milliseconds), if it was.
    #[serde(default)]
    pub canceled_at: Option<i64>,
    /// When the item fell past due (unix milliseconds), if it did.
    #[serde(default)]
    pub past_due_at: Option<i64>,
    /// When the item ended (unix milliseconds), if it did.
    #[serde(default)]
    pub ended_at: Option<i64>,
    /// When the item was created (unix milliseconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// When the item was last modified (unix milliseconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// Seats billed, for seat-based plans.
    #[serde(default)]
    pub seats: Option<BillingSubscriptionItemSeats>,
    /// Totals of the item, when computed.
    #[serde(default)]
    pub totals: Option<BillingTotals>,
}

/// Credit attached to a subscription item in payment attempt events.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct BillingSubscriptionCredit {
    /// The credited amount, if any.
    #[serde(default)]
    pub amount: Option<BillingMoney>,
    /// Share of the billing cycle still ahead, in percent.
    #[serde(default)]
    pub cycle_remaining_percent: Option<f64>,
}

/// Every credit applied to a charge: proration plus the payer's balance.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct BillingCredits {
    /// Credit for the unused part of a previous plan, if any.
    #[serde(default)]
    pub proration: Option<BillingProrationCredit>,
    /// Credit drawn from the payer's balance, if any.
    #[serde(default)]
    pub payer: Option<BillingPayerCredit>,
    /// All credits together.
    pub total: BillingMoney,
}

/// Credit for the unused days of a billing cycle.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct BillingProrationCredit {
    /// The credited amount.
    pub amount: BillingMoney,
    /// Days left in the cycle.
    pub cycle_days_remaining: i64,
    /// Days in the whole cycle.
    pub cycle_days_total: i64,
    /// Share of the cycle left, in percent.
    pub cycle_remaining_percent: f64,
}

/// Credit taken from the payer's balance.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct BillingPayerCredit {
    /// Balance left after this charge.
    pub remaining_balance: BillingMoney,
    /// Amount taken from the balance for this charge.
    pub applied_amount: BillingMoney,
}

/// A billing plan.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct BillingPlan {
    /// Always `commerce_plan`.
    pub object: String,
    /// Unique id of the plan.
    pub id: String,
    /// Display name of the plan.
    pub name: String,
    /// Monthly fee, if the plan has one.
    #[serde(default)]
    pub fee: Option<BillingMoney>,
    /// Monthly equivalent of the annual fee, if any.
    #[serde(default)]
    pub annual_monthly_fee: Option<BillingMoney>,
    /// Annual fee, if any.
    #[serde(default)]
    pub annual_fee: Option<BillingMoney>,
    /// Description of the plan, if set.
    #[serde(default)]
    pub description: Option<String>,
    /// Id of the product the plan belongs to (deprecated by Clerk).
    #[serde(default)]
    pub product_id: Option<String>,
    /// Whether this is the default plan.
    pub is_default: bool,
    /// Whether the plan bills repeatedly.
    pub is_recurring: bool,
    /// Whether the plan is shown publicly.
    pub publicly_visible: bool,
    /// Whether the plan charges a base fee.
    pub has_base_fee: bool,
    /// The kind of payer the plan is meant for.
    pub for_payer_type: String,
    /// URL-friendly identifier of the plan.
    pub slug: String,
    /// URL of the plan's image, if set.
    #[serde(default)]
    pub avatar_url: Option<String>,
    /// Features the plan grants, when included.
    #[serde(default)]
    pub features: Option<Vec<BillingFeature>>,
    /// Whether the plan offers a free trial.
    pub free_trial_enabled: bool,
    /// Length of the free trial in days, if there is one.
    #[serde(default)]
    pub free_trial_days: Option<i64>,
    /// Per-unit pricing (for example seats), when the plan has any.
    #[serde(default)]
    pub unit_prices: Option<Vec<BillingPlanUnitPrice>>,
}

/// A feature granted by a [`BillingPlan`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct BillingFeature {
    /// Always `feature`.
    pub object: String,
    /// Unique id of the feature.
    pub id: String,
    /// Display name of the feature.
    pub name: String,
    /// Description of the feature, if set.
    #[serde(default)]
    pub description: Option<String>,
    /// URL-friendly identifier of the feature.
    pub slug: String,
    /// URL of the feature's image, if set.
    #[serde(default)]
    pub avatar_url: Option<String>,
}

/// Per-unit pricing of a plan.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct BillingPlanUnitPrice {
    /// Name of the unit, e.g. `seats`.
    pub name: String,
    /// Units sold per block.
    pub block_size: i64,
    /// Price tiers, by block.
    pub tiers: Vec<BillingPlanUnitPriceTier>,
}

/// One price tier of a [`BillingPlanUnitPrice`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct BillingPlanUnitPriceTier {
    /// First block of the tier (inclusive).
    pub starts_at_block: i64,
    /// Last block of the tier (inclusive); `None` for no upper bound.
    #[serde(default)]
    pub ends_after_block: Option<i64>,
    /// Price of one block in this tier.
    pub fee_per_block: BillingMoney,
}

/// A payment method of a payer.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct BillingPaymentMethod {
    /// Always `commerce_payment_method`.
    pub object: String,
    /// Unique id of the payment method.
    pub id: String,
    /// Id of the payer owning it.
    pub payer_id: String,
    /// Kind of payment method.
    pub payment_type: BillingPaymentType,
    /// Whether it is the payer's default method.
    #[serde(default)]
    pub is_default: Option<bool>,
    /// The payment gateway that holds the method.
    pub gateway: String,
    /// Id of the method at the gateway.
    pub gateway_external_id: String,
    /// Id of the account at the gateway, if any.
    #[serde(default)]
    pub gateway_external_account_id: Option<String>,
    /// Last four digits of a card, if it is one.
    #[serde(default)]
    pub last4: Option<String>,
    /// Whether the method can still be charged.
    pub status: BillingPaymentMethodStatus,
    /// Wallet kind, if the method is a wallet.
    #[serde(default)]
    pub wallet_type: Option<String>,
    /// Card brand, if it is a card.
    #[serde(default)]
    pub card_type: Option<String>,
    /// Card expiry year, if it is a card.
    #[serde(default)]
    pub expiry_year: Option<i64>,
    /// Card expiry month, if it is a card.
    #[serde(default)]
    pub expiry_month: Option<i64>,
    /// When the method was added (unix milliseconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// When the method was last modified (unix milliseconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// Whether the payer may remove the method.
    #[serde(default)]
    pub is_removable: Option<bool>,
}

/// The next charge of one [`BillingSubscriptionItem`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct BillingSubscriptionItemNextPayment {
    /// The base plan fee only, if known; per-unit charges are in `totals.grand_total`.
    #[serde(default)]
    pub amount: Option<BillingMoney>,
    /// When the charge is due (unix milliseconds), if known.
    #[serde(default)]
    pub date: Option<i64>,
    /// Per-unit charges (for example seats).
    #[serde(default)]
    pub per_unit_totals: Option<Vec<BillingPerUnitTotal>>,
    /// Breakdown of the recurring amount billed at renewal (tax and credits not previewed).
    #[serde(default)]
    pub totals: Option<BillingTotals>,
}

/// Charges for one billable unit (for example seats).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct BillingPerUnitTotal {
    /// Name of the unit, e.g. `seats`.
    pub name: String,
    /// Units per block.
    pub block_size: i64,
    /// Charges per price tier.
    pub tiers: Vec<BillingPerUnitTotalTier>,
}

/// Charges within one price tier.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct BillingPerUnitTotalTier {
    /// Units billed in the tier; `None` for unlimited.
    #[serde(default)]
    pub quantity: Option<i64>,
    /// Price of one block in the tier.
    pub fee_per_block: BillingMoney,
    /// Total charged for the tier.
    pub total: BillingMoney,
}

/// Totals of a charge.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct BillingTotals {
    /// Sum before tax, credits and discounts.
    pub subtotal: BillingMoney,
    /// The plan's base fee.
    pub base_fee: BillingMoney,
    /// Tax.
    pub tax_total: BillingMoney,
    /// What is charged in the end.
    pub grand_total: BillingMoney,
    /// Per-unit charges (for example seats).
    #[serde(default)]
    pub per_unit_totals: Option<Vec<BillingPerUnitTotal>>,
    /// Credits applied, if any.
    #[serde(default)]
    pub credits: Option<BillingCredits>,
    /// Discounts applied, if any.
    #[serde(default)]
    pub discounts: Option<BillingDiscounts>,
}

/// Discounts applied to a charge.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct BillingDiscounts {
    /// Discount for the part of the cycle already passed, if any.
    #[serde(default)]
    pub proration: Option<BillingProrationDiscount>,
    /// All discounts together.
    pub total: BillingMoney,
}

/// Discount for the days of a billing cycle already passed.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct BillingProrationDiscount {
    /// The discounted amount.
    pub amount: BillingMoney,
    /// Days of the cycle already passed.
    pub cycle_days_passed: i64,
    /// Days in the whole cycle.
    pub cycle_days_total: i64,
    /// Share of the cycle passed, in percent.
    pub cycle_passed_percent: f64,
}

/// The payer of a subscription: a user or an organization.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct BillingPayer {
    /// Always `commerce_payer`.
    pub object: String,
    /// Unique id of the payer.
    pub id: String,
    /// Id of the instance.
    pub instance_id: String,
    /// The user, for user payers.
    #[serde(default)]
    pub user_id: Option<String>,
    /// First name, for user payers.
    #[serde(default)]
    pub first_name: Option<String>,
    /// Last name, for user payers.
    #[serde(default)]
    pub last_name: Option<String>,
    /// Billing email address, if known.
    #[serde(default)]
    pub email: Option<String>,
    /// The organization, for organization payers.
    #[serde(default)]
    pub organization_id: Option<String>,
    /// Organization name, for organization payers.
    #[serde(default)]
    pub organization_name: Option<String>,
    /// URL of the payer's image.
    #[serde(default)]
    pub image_url: Option<String>,
    /// The payer's current credit balance, when included.
    #[serde(default)]
    pub credits_balance: Option<BillingMoney>,
    /// When the payer was created (unix milliseconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// When the payer was last modified (unix milliseconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
}

/// Seats billed for a seat-based subscription item.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct BillingSubscriptionItemSeats {
    /// Seats billed; `None` for unlimited.
    #[serde(default)]
    pub quantity: Option<i64>,
    /// Cost per price tier.
    #[serde(default)]
    pub tiers: Option<Vec<BillingPerUnitTotalTier>>,
}

/// A payer's credit balance.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct CreditBalance {
    /// Always `commerce_credit_balance`.
    pub object: String,
    /// The balance; `None` when the payer never had credits.
    #[serde(default)]
    pub balance: Option<BillingMoney>,
}

/// One entry of a payer's credit ledger: the record of an adjustment.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct CreditLedgerEntry {
    /// Always `commerce_credit_ledger`.
    pub object: String,
    /// Unique id of the entry.
    pub id: String,
    /// Id of the payer whose balance changed.
    pub payer_id: String,
    /// The change: positive for an increase, negative for a decrease.
    pub amount: BillingMoney,
    /// What caused the change, e.g. `grant`.
    pub source_type: String,
    /// Id of what caused the change.
    pub source_id: String,
    /// Note attached to the entry, if any.
    #[serde(default)]
    pub note: Option<String>,
    /// When the entry was recorded, as an RFC 3339 date-time string (unlike most Clerk
    /// timestamps, which are unix milliseconds).
    pub created_at: String,
}

/// JSON body of `POST /users/{user_id}/billing/credits` and
/// `POST /organizations/{organization_id}/billing/credits`.
#[derive(Debug, Clone, Serialize)]
pub struct AdjustCreditBalanceParams {
    /// The amount in cents; must be greater than zero.
    pub amount: i64,
    /// Whether to add or remove credits.
    pub action: CreditBalanceAction,
    /// Currency code such as `USD` (the API default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Unique key of this adjustment: repeating a request with the same key returns the
    /// original ledger entry instead of adjusting twice.
    pub idempotency_key: String,
    /// Note to attach to the ledger entry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl AdjustCreditBalanceParams {
    /// An adjustment of `amount` cents in the direction of `action`, applied at most once
    /// per `idempotency_key`.
    pub fn new(
        amount: i64,
        action: CreditBalanceAction,
        idempotency_key: impl Into<String>,
    ) -> Self {
        Self {
            amount,
            action,
            currency: None,
            idempotency_key: idempotency_key.into(),
            note: None,
        }
    }

    /// Adds `amount` cents, applied at most once per `idempotency_key`.
    pub fn increase(amount: i64, idempotency_key: impl Into<String>) -> Self {
        Self::new(amount, CreditBalanceAction::Increase, idempotency_key)
    }

    /// Removes `amount` cents, applied at most once per `idempotency_key`.
    pub fn decrease(amount: i64, idempotency_key: impl Into<String>) -> Self {
        Self::new(amount, CreditBalanceAction::Decrease, idempotency_key)
    }
}

setters! { AdjustCreditBalanceParams {
    opt currency: String,
    opt note: String,
} }
