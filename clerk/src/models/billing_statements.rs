//! Billing statements and their payment attempts; subscription items of the whole instance
//! and what can be done to them: cancellation, discounts, free trial extensions and price
//! transitions.

use clerk_macros::{Deserialize, Serialize};

use crate::models::{
    BillingMoney, BillingPayer, BillingPayerType, BillingPaymentMethod, BillingPaymentMethodStatus,
    BillingPlanDetails, BillingPlanPeriod, BillingPrice, BillingSubscriptionCredit,
    BillingSubscriptionItemNextPayment, BillingSubscriptionItemStatus, BillingTotals,
};

string_enum! {
    /// Whether a [`BillingStatement`] still collects charges.
    pub enum BillingStatementStatus {
        /// The statement's period is still running.
        Open = "open",
        /// The statement is final.
        Closed = "closed",
    }
}

string_enum! {
    /// Outcome of a [`BillingPaymentAttempt`].
    pub enum BillingPaymentAttemptStatus {
        /// Not settled yet.
        Pending = "pending",
        /// The charge went through.
        Paid = "paid",
        /// The charge failed.
        Failed = "failed",
    }
}

string_enum! {
    /// Status filter of [`BillingSubscriptionItemListParams`].
    pub enum BillingSubscriptionItemStatusFilter {
        /// Items in force.
        Active = "active",
        /// Items that are over.
        Ended = "ended",
        /// Items with a failed payment.
        PastDue = "past_due",
        /// Items scheduled to start later.
        Upcoming = "upcoming",
        /// Items in a free trial.
        FreeTrial = "free_trial",
    }
}

string_enum! {
    /// Payment method kind of a [`BillingPaymentSource`].
    pub enum BillingPaymentSourceMethod {
        /// A payment card.
        Card = "card",
        /// Apple Pay.
        ApplePay = "apple_pay",
        /// Google Pay.
        GooglePay = "google_pay",
    }
}

string_enum! {
    /// How a discount came to be applied to a subscription item.
    pub enum BillingDiscountSource {
        /// Through a promotion.
        Promotion = "promotion",
        /// By hand, through the Backend API or the dashboard.
        Manual = "manual",
        /// Through a promo code the payer entered.
        PromoCode = "promo_code",
    }
}

string_enum! {
    /// What a discount takes off.
    pub enum BillingDiscountEffect {
        /// A percentage of the charge.
        Percentage = "percentage",
        /// A fixed amount.
        FixedAmount = "fixed_amount",
    }
}

string_enum! {
    /// Where a [`BillingDiscountRedemption`] stands.
    pub enum BillingDiscountRedemptionStatus {
        /// Still applied to upcoming charges.
        Active = "active",
        /// All its billing cycles are used up.
        Exhausted = "exhausted",
        /// Taken off the subscription item.
        Removed = "removed",
    }
}

string_enum! {
    /// When a price transition takes effect.
    pub enum BillingPriceTransitionMode {
        /// Right away.
        Immediate = "immediate",
        /// At the end of the current billing period.
        EndOfPeriod = "end_of_period",
    }
}

/// A billing statement: the payment attempts of one payer over a period, grouped by day.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct BillingStatement {
    /// Always `commerce_statement`.
    pub object: String,
    /// Unique id of the statement.
    pub id: String,
    /// Id of the instance.
    pub instance_id: String,
    /// When the statement was created (unix milliseconds).
    pub timestamp: i64,
    /// Who the statement is for.
    pub payer: BillingPayer,
    /// Whether the statement is still open.
    pub status: BillingStatementStatus,
    /// Totals of the statement.
    pub totals: BillingStatementTotals,
    /// The payment attempts, grouped by the day they were made.
    pub groups: Vec<BillingStatementGroup>,
}

/// Totals of a [`BillingStatement`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct BillingStatementTotals {
    /// What the statement comes to in the end.
    pub grand_total: BillingMoney,
    /// Base fees plus per-unit charges.
    pub subtotal: BillingMoney,
    /// Base plan fees before per-unit charges.
    pub base_fee: BillingMoney,
    /// Tax.
    pub tax_total: BillingMoney,
}

/// The payment attempts of a [`BillingStatement`] made on one day.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct BillingStatementGroup {
    /// Always `commerce_statement_group`.
    pub object: String,
    /// When the group's payment attempts were made (unix milliseconds).
    pub timestamp: i64,
    /// The payment attempts of the group.
    pub items: Vec<BillingPaymentAttempt>,
}

/// One attempt to collect a payment from a payer.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct BillingPaymentAttempt {
    /// Always `commerce_payment`.
    pub object: String,
    /// Unique id of the attempt.
    pub id: String,
    /// Id of the payment the attempt belongs to.
    pub payment_id: String,
    /// Id of the instance.
    pub instance_id: String,
    /// Kind of charge (free text; the spec lists no values).
    pub charge_type: String,
    /// Id of the payee.
    pub payee_id: String,
    /// The payee; the spec leaves its shape open.
    pub payee: serde_json::Value,
    /// Id of the payer.
    pub payer_id: String,
    /// The payer.
    pub payer: BillingPayer,
    /// Id of the subscription item charged, if any.
    #[serde(default)]
    pub subscription_item_id: Option<String>,
    /// The subscription item charged, when included; the spec leaves its shape open.
    #[serde(default)]
    pub subscription_item: Option<serde_json::Value>,
    /// The amount of the attempt.
    pub amount: BillingMoney,
    /// Breakdown of the amount, when computed.
    #[serde(default)]
    pub totals: Option<BillingTotals>,
    /// Id of the payment method charged.
    pub payment_method_id: String,
    /// The payment method charged.
    pub payment_method: BillingPaymentMethod,
    /// Id of the statement the attempt is on.
    pub statement_id: String,
    /// Id of the attempt at the payment gateway, if known.
    #[serde(default)]
    pub gateway_external_id: Option<String>,
    /// URL of the attempt at the payment gateway, if known.
    #[serde(default)]
    pub gateway_external_url: Option<String>,
    /// Outcome of the attempt.
    pub status: BillingPaymentAttemptStatus,
    /// When the payment went through (unix milliseconds), if it did.
    #[serde(default)]
    pub paid_at: Option<i64>,
    /// When the payment failed (unix milliseconds), if it did.
    #[serde(default)]
    pub failed_at: Option<i64>,
    /// When the attempt was created (unix milliseconds).
    pub created_at: i64,
    /// When the attempt was last modified (unix milliseconds).
    pub updated_at: i64,
}

/// A stored payment source of a payer, as embedded in [`BillingSubscriptionItemDetails`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct BillingPaymentSource {
    /// Always `commerce_source`.
    pub object: String,
    /// Unique id of the payment source.
    pub id: String,
    /// Id of the payer owning it.
    pub payer_id: String,
    /// Kind of payment method.
    pub payment_method: BillingPaymentSourceMethod,
    /// Whether it is the payer's default source, if known.
    #[serde(default)]
    pub is_default: Option<bool>,
    /// The payment gateway that holds it.
    pub gateway: String,
    /// Id of the source at the gateway.
    pub gateway_external_id: String,
    /// Id of the account at the gateway, if any.
    #[serde(default)]
    pub gateway_external_account_id: Option<String>,
    /// Last four digits of the card.
    pub last4: String,
    /// Whether it can still be charged.
    pub status: BillingPaymentMethodStatus,
    /// Wallet kind, if a wallet.
    pub wallet_type: String,
    /// Card brand.
    pub card_type: String,
    /// Card expiry year, if known.
    #[serde(default)]
    pub expiry_year: Option<i64>,
    /// Card expiry month, if known.
    #[serde(default)]
    pub expiry_month: Option<i64>,
    /// When it was added (unix milliseconds).
    pub created_at: i64,
    /// When it was last modified (unix milliseconds).
    pub updated_at: i64,
    /// Whether the payer may remove it, if known.
    #[serde(default)]
    pub is_removable: Option<bool>,
}

/// A subscription item in the detailed shape returned after changing it (a free trial
/// extension or a price transition): with its payment source, current amount and next
/// invoice. Listing endpoints return [`BillingSubscriptionItem`](crate::models::BillingSubscriptionItem)
/// instead.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct BillingSubscriptionItemDetails {
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
    /// Id of the plan.
    pub plan_id: String,
    /// Id of the price the item is charged at, when given.
    #[serde(default)]
    pub price_id: Option<String>,
    /// The plan, if included.
    #[serde(default)]
    pub plan: Option<BillingPlanDetails>,
    /// Billing period of the item.
    pub plan_period: BillingPlanPeriod,
    /// Id of the payment source charged.
    pub payment_source_id: String,
    /// The payment source charged, if included.
    #[serde(default)]
    pub payment_source: Option<BillingPaymentSource>,
    /// Everything paid for this item so far, if known.
    #[serde(default)]
    pub lifetime_paid: Option<BillingMoney>,
    /// The current amount of the item, if known.
    #[serde(default)]
    pub amount: Option<BillingMoney>,
    /// The next invoice, if one is scheduled.
    #[serde(default)]
    pub next_invoice: Option<BillingSubscriptionItemNextPayment>,
    /// The next payment, if one is scheduled.
    #[serde(default)]
    pub next_payment: Option<BillingSubscriptionItemNextPayment>,
    /// Id of the payer.
    pub payer_id: String,
    /// The payer, if included.
    #[serde(default)]
    pub payer: Option<BillingPayer>,
    /// Whether the item is in a free trial.
    pub is_free_trial: bool,
    /// Start of the current period (unix milliseconds), if it has started.
    #[serde(default)]
    pub period_start: Option<i64>,
    /// End of the current period (unix milliseconds), if it has one.
    #[serde(default)]
    pub period_end: Option<i64>,
    /// Date used for proration.
    pub proration_date: String,
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
    pub created_at: i64,
    /// When the item was last modified (unix milliseconds).
    pub updated_at: i64,
}

/// A discount applied to a subscription item (or just removed from it).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct BillingDiscountRedemption {
    /// Always `commerce_discount_redemption`.
    pub object: String,
    /// Unique id of the redemption.
    pub id: String,
    /// Id of the subscription item the discount applies to.
    pub subscription_item_id: String,
    /// Id of the discount.
    pub discount_id: String,
    /// Display name of the discount, when given.
    #[serde(default)]
    pub name: Option<String>,
    /// How the discount was applied.
    pub source: BillingDiscountSource,
    /// The promo code redeemed, when one was.
    #[serde(default)]
    pub promo_code: Option<String>,
    /// What the discount takes off, as recorded when it was redeemed.
    #[serde(default)]
    pub effect: Option<BillingDiscountEffect>,
    /// Percentage taken off, for percentage discounts.
    #[serde(default)]
    pub percent_off: Option<f64>,
    /// Amount taken off, for fixed-amount discounts.
    #[serde(default)]
    pub amount_off: Option<BillingMoney>,
    /// How much the discount takes off the item's next renewal, when known.
    #[serde(default)]
    pub amount: Option<BillingMoney>,
    /// Billing cycles the discount still applies to; `None` means forever.
    #[serde(default)]
    pub cycles_remaining: Option<i64>,
    /// Billing cycles the discount was already applied to.
    pub cycles_applied: i64,
    /// Where the redemption stands, when given.
    #[serde(default)]
    pub status: Option<BillingDiscountRedemptionStatus>,
    /// When the discount was redeemed (unix milliseconds).
    pub redeemed_at: i64,
    /// Who redeemed the discount, when known.
    #[serde(default)]
    pub redeemed_by: Option<String>,
}

/// What `POST /billing/subscription_items/{id}/price_transition` answers: the subscription
/// item now in force (or upcoming) and the details of the move.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct BillingPriceTransition {
    /// Always `commerce_price_transition`.
    pub object: String,
    /// The subscription item at the new price.
    pub subscription_item: BillingSubscriptionItemDetails,
    /// What changed and when.
    pub transition: BillingPriceTransitionDetails,
}

/// Details of a [`BillingPriceTransition`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct BillingPriceTransitionDetails {
    /// The plan before the transition.
    pub previous_plan: BillingPlanDetails,
    /// The price before the transition.
    pub previous_price: BillingPrice,
    /// When the new price takes effect (unix milliseconds).
    pub effective_at: i64,
    /// Whether the new price applies now or at the end of the period.
    pub effective_mode: BillingPriceTransitionMode,
    /// Next billing date (unix milliseconds), if any.
    #[serde(default)]
    pub next_billing_date: Option<i64>,
    /// Whether the payer was charged right away.
    pub charged_immediately: bool,
    /// What was charged right away, if anything.
    #[serde(default)]
    pub immediate_charge: Option<BillingMoney>,
    /// Status of the previous subscription item after the transition (`canceled`, `ended`
    /// or `abandoned`).
    pub previous_subscription_item_status: BillingSubscriptionItemStatus,
    /// Id of the previous subscription item.
    pub previous_subscription_item_id: String,
}

/// Query parameters of `GET /billing/statements`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct BillingStatementListParams {
    /// Whether to paginate the results (the API decides when unset).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paginated: Option<bool>,
    /// Maximum number of results (1 to 500, default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Number of results to skip (default 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
}

setters! { BillingStatementListParams {
    opt paginated: bool,
    opt limit: i64,
    opt offset: i64,
} }

/// Query parameters of `GET /billing/statements/{statementID}/payment_attempts`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct BillingPaymentAttemptListParams {
    /// Whether to paginate the results (the API decides when unset).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paginated: Option<bool>,
    /// Maximum number of results (1 to 500, default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Number of results to skip (default 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
}

setters! { BillingPaymentAttemptListParams {
    opt paginated: bool,
    opt limit: i64,
    opt offset: i64,
} }

/// Query parameters of `GET /billing/subscription_items`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct BillingSubscriptionItemListParams {
    /// Whether to paginate the results (the API decides when unset).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paginated: Option<bool>,
    /// Maximum number of results (1 to 500, default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Number of results to skip (default 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
    /// Only items in this state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<BillingSubscriptionItemStatusFilter>,
    /// Only items of this kind of payer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payer_type: Option<BillingPayerType>,
    /// Only items of this plan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan_id: Option<String>,
    /// Whether to include items of free plans (the API default is `false`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_free: Option<bool>,
    /// Search text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
}

setters! { BillingSubscriptionItemListParams {
    opt paginated: bool,
    opt limit: i64,
    opt offset: i64,
    opt status: BillingSubscriptionItemStatusFilter,
    opt payer_type: BillingPayerType,
    opt plan_id: String,
    opt include_free: bool,
    opt query: String,
} }

/// Query parameters of `DELETE /billing/subscription_items/{subscription_item_id}`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CancelBillingSubscriptionItemParams {
    /// `true` ends the item right away; `false` (the API default) at the end of the
    /// current billing period.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_now: Option<bool>,
}

setters! { CancelBillingSubscriptionItemParams {
    opt end_now: bool,
} }

impl CancelBillingSubscriptionItemParams {
    /// Cancels right away instead of at the end of the period.
    pub fn now() -> Self {
        Self::default().end_now(true)
    }
}

/// JSON body of `POST /billing/subscription_items/{subscription_item_id}/extend_free_trial`.
#[derive(Debug, Clone, Serialize)]
pub struct ExtendFreeTrialParams {
    /// New end of the trial, as an RFC 3339 date-time such as `2026-01-08T00:00:00Z`: in
    /// the future and at most 365 days from now.
    pub extend_to: String,
}

impl ExtendFreeTrialParams {
    /// Extends the trial to `extend_to` (RFC 3339, e.g. `2026-01-08T00:00:00Z`).
    pub fn new(extend_to: impl Into<String>) -> Self {
        Self {
            extend_to: extend_to.into(),
        }
    }
}

/// JSON body of `POST /billing/subscription_items/{subscription_item_id}/price_transition`.
#[derive(Debug, Clone, Serialize)]
pub struct CreatePriceTransitionParams {
    /// The price the item is charged at now.
    pub from_price_id: String,
    /// The price to move the item to.
    pub to_price_id: String,
}

impl CreatePriceTransitionParams {
    /// Moves an item from the price `from_price_id` to `to_price_id`.
    pub fn new(from_price_id: impl Into<String>, to_price_id: impl Into<String>) -> Self {
        Self {
            from_price_id: from_price_id.into(),
            to_price_id: to_price_id.into(),
        }
    }
}

/// JSON body of `POST /billing/subscription_items/{subscription_item_id}/discounts`.
#[derive(Debug, Clone, Serialize)]
pub struct ApplyDiscountParams {
    /// Id of the discount to apply.
    pub discount_id: String,
}

impl ApplyDiscountParams {
    /// Applies the existing discount `discount_id`.
    pub fn new(discount_id: impl Into<String>) -> Self {
        Self {
            discount_id: discount_id.into(),
        }
    }
}
