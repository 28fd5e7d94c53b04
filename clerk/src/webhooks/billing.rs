//! Billing payloads (`subscription.*`, `subscriptionItem.*`, `paymentAttempt.*`).
//!
//! Their webhook shapes differ from the Backend API's billing models, and the webhook spec's
//! schemas, its own examples and `@clerk/backend`'s types disagree on several fields. These
//! structs accept all three: fields they agree on are required, the rest are optional.

use clerk_macros::{Deserialize, Serialize};

use crate::models::{
    BillingCredits, BillingMoney, BillingPaymentAttemptStatus, BillingPaymentMethodStatus,
    BillingPaymentType, BillingPlanPeriod, BillingProrationCredit, BillingSubscriptionItemSeats,
    BillingSubscriptionItemStatus, BillingSubscriptionStatus,
};

/// `data` of the `subscription.*` events: a payer's subscription and its items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SubscriptionPayload {
    /// Always `commerce_subscription`.
    pub object: String,
    /// Unique id of the subscription.
    pub id: String,
    /// Current status.
    pub status: BillingSubscriptionStatus,
    /// When the subscription became active (unix milliseconds), if it did.
    #[serde(default)]
    pub active_at: Option<i64>,
    /// When it was canceled (unix milliseconds), if it was.
    #[serde(default)]
    pub canceled_at: Option<i64>,
    /// When it ended (unix milliseconds), if it did.
    #[serde(default)]
    pub ended_at: Option<i64>,
    /// When it became past due (unix milliseconds), if it is.
    #[serde(default)]
    pub past_due_at: Option<i64>,
    /// When it was created (unix milliseconds).
    pub created_at: i64,
    /// When it was last modified (unix milliseconds).
    pub updated_at: i64,
    /// Id of the latest payment attempt, if any.
    #[serde(default)]
    pub latest_payment_id: Option<String>,
    /// Id of the payer.
    pub payer_id: String,
    /// The payer.
    pub payer: PayerPayload,
    /// Id of the payment source charged, if any.
    #[serde(default)]
    pub payment_source_id: Option<String>,
    /// The subscription's items, one per period in a given state.
    pub items: Vec<SubscriptionItemPayload>,
}

/// `data` of the `subscriptionItem.*` events, and the items of subscriptions and payment
/// attempts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SubscriptionItemPayload {
    /// `commerce_subscription_item` per the spec (its examples say `subscription_item`);
    /// absent from the items of payment attempts.
    #[serde(default)]
    pub object: Option<String>,
    /// Unique id of the item.
    pub id: String,
    /// Current status.
    pub status: BillingSubscriptionItemStatus,
    /// Whether the item is in a free trial.
    #[serde(default)]
    pub is_free_trial: Option<bool>,
    /// When the item was created (unix milliseconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// When the item was last modified (unix milliseconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// When the current period started (unix milliseconds).
    pub period_start: i64,
    /// When the current period ends (unix milliseconds); `None` for default plans.
    #[serde(default)]
    pub period_end: Option<i64>,
    /// Billing interval, as the spec names it.
    #[serde(default)]
    pub interval: Option<BillingPlanPeriod>,
    /// Billing interval, as `@clerk/backend` and the payment attempt example name it.
    #[serde(default)]
    pub plan_period: Option<BillingPlanPeriod>,
    /// Id of the plan, if any.
    #[serde(default)]
    pub plan_id: Option<String>,
    /// The plan, if any.
    #[serde(default)]
    pub plan: Option<PlanPayload>,
    /// The payer; only on standalone `subscriptionItem.*` events.
    #[serde(default)]
    pub payer: Option<PayerPayload>,
    /// Id of the parent subscription; only on standalone `subscriptionItem.*` events.
    #[serde(default)]
    pub subscription_id: Option<String>,
    /// Seats included, for seat-based plans.
    #[serde(default)]
    pub seats: Option<BillingSubscriptionItemSeats>,
    /// Proration credit (deprecated by Clerk in favour of [`credits`](Self::credits)).
    #[serde(default)]
    pub credit: Option<BillingProrationCredit>,
    /// All credits applied: proration and account balance.
    #[serde(default)]
    pub credits: Option<BillingCredits>,
    /// Date the proration was computed for, e.g. `2024-05-01`.
    #[serde(default)]
    pub proration_date: Option<String>,
    /// When the item was canceled (unix milliseconds), if it was.
    #[serde(default)]
    pub canceled_at: Option<i64>,
    /// When the item became past due (unix milliseconds), if it is.
    #[serde(default)]
    pub past_due_at: Option<i64>,
    /// When the item ended (unix milliseconds), if it did.
    #[serde(default)]
    pub ended_at: Option<i64>,
    /// Everything paid for the item so far, in the currency's smallest unit.
    #[serde(default)]
    pub lifetime_paid: Option<i64>,
    /// Amount of the next payment, in the currency's smallest unit.
    #[serde(default)]
    pub next_payment_amount: Option<i64>,
    /// When the next payment is due (unix milliseconds).
    #[serde(default)]
    pub next_payment_date: Option<i64>,
    /// Amount charged per period.
    #[serde(default)]
    pub amount: Option<BillingMoney>,
}

/// A plan as embedded in billing webhook payloads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PlanPayload {
    /// Unique id of the plan.
    pub id: String,
    /// Display name.
    pub name: String,
    /// URL-friendly identifier.
    pub slug: String,
    /// Whether the plan charges on a recurring basis.
    pub is_recurring: bool,
    /// Price per period, in the currency's smallest unit.
    pub amount: i64,
    /// ISO 4217 currency code, e.g. `USD`.
    pub currency: String,
    /// Tiered per-unit prices (seats...), for unit-priced plans.
    #[serde(default)]
    pub unit_prices: Option<Vec<UnitPricePayload>>,
    /// Description, if any.
    #[serde(default)]
    pub description: Option<String>,
    /// Id of the instance.
    #[serde(default)]
    pub instance_id: Option<String>,
    /// Id of the product the plan belongs to.
    #[serde(default)]
    pub product_id: Option<String>,
    /// Whether it is the default plan.
    #[serde(default)]
    pub is_default: Option<bool>,
    /// Whether changes are prorated.
    #[serde(default)]
    pub is_prorated: Option<bool>,
    /// Billing period of [`amount`](Self::amount).
    #[serde(default)]
    pub period: Option<BillingPlanPeriod>,
    /// Number of periods per charge.
    #[serde(default)]
    pub interval: Option<i64>,
    /// Whether the plan has a base fee.
    #[serde(default)]
    pub has_base_fee: Option<bool>,
    /// Monthly price when paid annually, in the currency's smallest unit.
    #[serde(default)]
    pub annual_monthly_amount: Option<i64>,
    /// Whether the plan is shown in the pricing table.
    #[serde(default)]
    pub publicly_visible: Option<bool>,
}

/// Tiered pricing of one unit (such as seats) of a [`PlanPayload`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UnitPricePayload {
    /// Name of the unit, e.g. `seats`.
    pub name: String,
    /// Units per pricing block.
    pub block_size: i64,
    /// Tiers, by starting block.
    pub tiers: Vec<UnitPriceTierPayload>,
}

/// One tier of a [`UnitPricePayload`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UnitPriceTierPayload {
    /// First block of the tier.
    pub starts_at_block: i64,
    /// Last block of the tier; `None` when unbounded.
    #[serde(default)]
    pub ends_after_block: Option<i64>,
    /// Price per block, in the currency's smallest unit.
    pub amount_per_block: i64,
    /// ISO 4217 currency code.
    pub currency: String,
}

/// The payer (a user or an organization) as embedded in billing webhook payloads.
///
/// The user fields are set for user payers and the organization fields for organization
/// payers; Clerk may send the others empty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PayerPayload {
    /// `commerce_payer`, when sent.
    #[serde(default)]
    pub object: Option<String>,
    /// Unique id of the payer.
    pub id: String,
    /// Id of the user, for user payers.
    #[serde(default)]
    pub user_id: Option<String>,
    /// First name of the user, for user payers.
    #[serde(default)]
    pub first_name: Option<String>,
    /// Last name of the user, for user payers.
    #[serde(default)]
    pub last_name: Option<String>,
    /// Email address of the payer.
    #[serde(default)]
    pub email: Option<String>,
    /// Id of the organization, for organization payers.
    #[serde(default)]
    pub organization_id: Option<String>,
    /// Name of the organization, for organization payers.
    #[serde(default)]
    pub organization_name: Option<String>,
    /// Avatar or logo.
    #[serde(default)]
    pub image_url: Option<String>,
    /// When the payer was created (unix milliseconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// When the payer was last modified (unix milliseconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
}

/// `data` of the `paymentAttempt.*` events: one attempt to charge a payer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PaymentAttemptPayload {
    /// `commerce_payment_attempt` per `@clerk/backend`; the spec does not list it.
    #[serde(default)]
    pub object: Option<String>,
    /// Unique id of the attempt.
    pub id: String,
    /// Id of the instance.
    pub instance_id: String,
    /// Id of the payment the attempt belongs to.
    pub payment_id: String,
    /// Id of the invoice (deprecated by Clerk in favour of
    /// [`statement_id`](Self::statement_id)).
    #[serde(default)]
    pub invoice_id: Option<String>,
    /// Id of the statement the attempt is on.
    pub statement_id: String,
    /// Id of the attempt at the payment gateway.
    pub gateway_external_id: String,
    /// Outcome so far.
    pub status: BillingPaymentAttemptStatus,
    /// When the attempt was created (unix milliseconds).
    pub created_at: i64,
    /// When the attempt was last modified (unix milliseconds).
    pub updated_at: i64,
    /// When the payment went through (unix milliseconds), if it did.
    #[serde(default)]
    pub paid_at: Option<i64>,
    /// When the payment failed (unix milliseconds), if it did.
    #[serde(default)]
    pub failed_at: Option<i64>,
    /// Why the payment failed, if it did.
    #[serde(default)]
    pub failed_reason: Option<PaymentFailedReason>,
    /// The date the payment is billed for (unix milliseconds).
    pub billing_date: i64,
    /// `checkout` or `recurring`.
    pub charge_type: String,
    /// Who is paid.
    pub payee: PayeePayload,
    /// Who pays.
    pub payer: PayerPayload,
    /// Amounts charged.
    pub totals: TotalsPayload,
    /// The payment method charged.
    pub payment_source: PaymentSourcePayload,
    /// The subscription items paid for.
    pub subscription_items: Vec<SubscriptionItemPayload>,
}

/// Why a payment failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PaymentFailedReason {
    /// High-level code, e.g. `card_declined`.
    pub code: String,
    /// The processor's decline code, e.g. `insufficient_funds`, if given.
    #[serde(default)]
    pub decline_code: Option<String>,
}

/// The account that receives a payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PayeePayload {
    /// Unique id of the payee.
    pub id: String,
    /// Payment gateway, e.g. `stripe`.
    pub gateway_type: String,
    /// Id of the account at the gateway.
    pub gateway_external_id: String,
    /// Status at the gateway: `active`, `pending`, `restricted` or `disconnected`.
    pub gateway_status: String,
}

/// Amounts of a payment attempt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TotalsPayload {
    /// Before taxes.
    pub subtotal: BillingMoney,
    /// Taxes.
    pub tax_total: BillingMoney,
    /// What is charged.
    pub grand_total: BillingMoney,
    /// Per-unit charges (seats...), if any.
    #[serde(default)]
    pub per_unit_totals: Option<Vec<UnitTotalPayload>>,
}

/// Charge for one kind of unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UnitTotalPayload {
    /// Kind of unit, e.g. `seats`.
    #[serde(default)]
    pub name: Option<String>,
    /// Price per unit, in the currency's smallest unit.
    #[serde(default)]
    pub amount: Option<i64>,
    /// Number of units; `None` for unlimited.
    #[serde(default)]
    pub quantity: Option<i64>,
    /// `amount` times `quantity`.
    #[serde(default)]
    pub total: Option<i64>,
    /// ISO 4217 currency code.
    #[serde(default)]
    pub currency: Option<String>,
}

/// The payment method charged by a payment attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PaymentSourcePayload {
    /// Unique id of the payment source.
    pub id: String,
    /// Payment gateway, e.g. `stripe`.
    pub gateway: String,
    /// Id of the payment method at the gateway.
    pub gateway_external_id: String,
    /// Id of the account at the gateway, if any.
    #[serde(default)]
    pub gateway_external_account_id: Option<String>,
    /// `card` or `link`.
    pub payment_method: BillingPaymentType,
    /// Whether it can still be charged.
    pub status: BillingPaymentMethodStatus,
    /// Card brand, for cards.
    #[serde(default)]
    pub card_type: Option<String>,
    /// Last four digits, for cards.
    #[serde(default)]
    pub last4: Option<String>,
}
