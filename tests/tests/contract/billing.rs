//! Billing: plans, prices, statements and subscription items.

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

pub async fn run(clerk: &Clerk, run: &mut Run) {
    let billing = clerk.billing();
    run.ok(billing.list_plans(
        BillingPlanListParams::default()
            .paginated(true)
            .limit(10)
            .offset(0)
            .payer_type(BillingPayerType::Org),
    ))
    .await;
    run.ok(billing.list_prices(
        BillingPriceListParams::default()
            .paginated(true)
            .limit(10)
            .offset(0)
            .plan_id("cplan_1"),
    ))
    .await;
    run.ok(billing.create_price(
        CreateBillingPriceParams::new("cplan_1", 1500)
            .currency("USD")
            .annual_monthly_amount(1200)
            .description("Partner price")
            .supported_billing_periods(BillingPriceBillingPeriods::Both),
    ))
    .await;
    run.ok(billing.create_price(CreateBillingPriceParams::annual_only("cplan_1", 1200)))
        .await;

    run.ok(billing.list_statements(
        BillingStatementListParams::default()
            .paginated(true)
            .limit(10)
            .offset(0),
    ))
    .await;
    run.ok(billing.get_statement("cstmt_1")).await;
    run.ok(billing.list_statement_payment_attempts(
        "cstmt_1",
        BillingPaymentAttemptListParams::default()
            .paginated(true)
            .limit(10)
            .offset(0),
    ))
    .await;

    run.ok(billing.list_subscription_items(
        BillingSubscriptionItemListParams::default()
            .paginated(true)
            .limit(10)
            .offset(0)
            .status(BillingSubscriptionItemStatusFilter::Active)
            .payer_type(BillingPayerType::User)
            .plan_id("cplan_1")
            .include_free(true)
            .query("acme"),
    ))
    .await;
    run.ok(billing.cancel_subscription_item("csubi_1", CancelBillingSubscriptionItemParams::now()))
        .await;
    run.ok(billing.apply_subscription_item_discount("csubi_1", ApplyDiscountParams::new("cdisc_1")))
        .await;
    run.ok(billing.remove_subscription_item_discount("csubi_1", "cdisc_1"))
        .await;
    run.ok(billing.extend_subscription_item_free_trial(
        "csubi_1",
        ExtendFreeTrialParams::new("2026-01-08T00:00:00Z"),
    ))
    .await;
    run.ok(billing.create_price_transition(
        "csubi_1",
        CreatePriceTransitionParams::new("cprice_1", "cprice_2"),
    ))
    .await;
}
