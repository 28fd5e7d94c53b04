//! Billing catalog: the plans of the instance and the prices they are sold at.
//!
//! The plan model itself ([`BillingPlan`](crate::models::BillingPlan)) lives with the
//! subscription types; this file adds prices, the detailed plan shape some billing responses
//! embed, and the parameters of the catalog endpoints.

use clerk_macros::{Deserialize, Serialize};

use crate::models::{BillingFeature, BillingMoney};

string_enum! {
    /// Kind of payer a plan or a subscription item is for.
    pub enum BillingPayerType {
        /// A user.
        User = "user",
        /// An organization.
        Org = "org",
    }
}

string_enum! {
    /// Billing periods a [`BillingPrice`] can be charged over.
    pub enum BillingPriceBillingPeriods {
        /// Only monthly.
        Month = "month",
        /// Only yearly.
        Annual = "annual",
        /// Monthly or yearly, as the payer chooses.
        Both = "both",
    }
}

/// A price a plan is sold at: the plan's default price or a custom one.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct BillingPrice {
    /// Always `commerce_price`.
    pub object: String,
    /// Unique id of the price.
    pub id: String,
    /// Id of the plan the price belongs to.
    pub plan_id: String,
    /// Id of the instance.
    pub instance_id: String,
    /// ISO currency code, e.g. `USD`.
    pub currency: String,
    /// Currency symbol, e.g. `$`.
    pub currency_symbol: String,
    /// Monthly amount in cents.
    pub amount: i64,
    /// Monthly amount in cents when billed yearly.
    pub annual_monthly_amount: i64,
    /// The monthly fee, raw and formatted, if any.
    #[serde(default)]
    pub fee: Option<BillingMoney>,
    /// The monthly fee when billed yearly, raw and formatted, if any.
    #[serde(default)]
    pub annual_monthly_fee: Option<BillingMoney>,
    /// Description of the price, if set.
    #[serde(default)]
    pub description: Option<String>,
    /// Whether this is the default price of its plan.
    pub is_default: bool,
    /// When the price was created (unix milliseconds).
    pub created_at: i64,
    /// Billing periods the price can be charged over.
    pub supported_billing_periods: BillingPriceBillingPeriods,
}

/// A plan in the detailed shape embedded in price transitions and changed subscription
/// items: besides the fees it carries the flattened amounts and currency.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct BillingPlanDetails {
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
    /// Monthly amount in cents.
    pub amount: i64,
    /// Monthly amount formatted for display.
    pub amount_formatted: String,
    /// Monthly amount in cents when billed yearly.
    pub annual_monthly_amount: i64,
    /// [`annual_monthly_amount`](Self::annual_monthly_amount) formatted for display.
    pub annual_monthly_amount_formatted: String,
    /// Yearly amount in cents.
    pub annual_amount: i64,
    /// Yearly amount formatted for display.
    pub annual_amount_formatted: String,
    /// Currency symbol, e.g. `$`.
    pub currency_symbol: String,
    /// ISO currency code, e.g. `USD`.
    pub currency: String,
    /// Description of the plan.
    pub description: String,
    /// Id of the product the plan belongs to.
    pub product_id: String,
    /// Whether this is the default plan.
    pub is_default: bool,
    /// Whether the plan bills repeatedly.
    pub is_recurring: bool,
    /// Whether the plan is shown publicly.
    pub publicly_visible: bool,
    /// Whether the plan charges a base fee.
    pub has_base_fee: bool,
    /// Kinds of payer that may use the plan.
    pub payer_type: Vec<String>,
    /// The kind of payer the plan is meant for.
    pub for_payer_type: String,
    /// URL-friendly identifier of the plan.
    pub slug: String,
    /// URL of the plan's image.
    pub avatar_url: String,
    /// Billing period of the plan, when given.
    #[serde(default)]
    pub period: Option<String>,
    /// Billing interval, when given.
    #[serde(default)]
    pub interval: Option<i64>,
    /// Features the plan grants.
    pub features: Vec<BillingFeature>,
    /// Whether the plan offers a free trial, when given.
    #[serde(default)]
    pub free_trial_enabled: Option<bool>,
    /// Length of the free trial in days, if there is one.
    #[serde(default)]
    pub free_trial_days: Option<i64>,
}

/// Query parameters of `GET /billing/plans`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct BillingPlanListParams {
    /// Whether to paginate the results (the API decides when unset).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paginated: Option<bool>,
    /// Maximum number of results (1 to 500, default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Number of results to skip (default 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
    /// Only plans for this kind of payer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payer_type: Option<BillingPayerType>,
}

setters! { BillingPlanListParams {
    opt paginated: bool,
    opt limit: i64,
    opt offset: i64,
    opt payer_type: BillingPayerType,
} }

/// Query parameters of `GET /billing/prices`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct BillingPriceListParams {
    /// Whether to paginate the results (the API decides when unset).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paginated: Option<bool>,
    /// Maximum number of results (1 to 500, default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Number of results to skip (default 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
    /// Only prices of this plan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan_id: Option<String>,
}

setters! { BillingPriceListParams {
    opt paginated: bool,
    opt limit: i64,
    opt offset: i64,
    opt plan_id: String,
} }

/// JSON body of `POST /billing/prices`: a custom price for a plan.
#[derive(Debug, Clone, Serialize)]
pub struct CreateBillingPriceParams {
    /// Id of the plan the price is for.
    pub plan_id: String,
    /// Currency code such as `USD` (the API default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Monthly amount in cents: `0` for a complimentary price, otherwise at least 100.
    /// Always sent; `None` sends `null` (no monthly amount).
    pub amount: Option<i64>,
    /// Monthly amount in cents when billed yearly: `0` for a complimentary price, otherwise
    /// at least 100.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annual_monthly_amount: Option<i64>,
    /// Description of the custom price.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Billing periods the price supports; the API infers them from the amounts when unset.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supported_billing_periods: Option<BillingPriceBillingPeriods>,
}

impl CreateBillingPriceParams {
    /// A custom price of `amount` cents a month for the plan `plan_id`.
    pub fn new(plan_id: impl Into<String>, amount: i64) -> Self {
        Self {
            plan_id: plan_id.into(),
            currency: None,
            amount: Some(amount),
            annual_monthly_amount: None,
            description: None,
            supported_billing_periods: None,
        }
    }

    /// A custom price with no monthly amount (`amount: null`), only
    /// `annual_monthly_amount` cents a month when billed yearly.
    pub fn annual_only(plan_id: impl Into<String>, annual_monthly_amount: i64) -> Self {
        Self {
            amount: None,
            annual_monthly_amount: Some(annual_monthly_amount),
            ..Self::new(plan_id, 0)
        }
    }
}

setters! { CreateBillingPriceParams {
    opt currency: String,
    opt annual_monthly_amount: i64,
    opt description: String,
    opt supported_billing_periods: BillingPriceBillingPeriods,
} }
