//! Billing of a user: the subscription and the credit balance.

use clerk_backend::models::{
    AdjustCreditBalanceParams, BillingPaymentType, BillingPlanPeriod,
    BillingSubscriptionItemStatus, BillingSubscriptionStatus, CreditBalanceAction,
};
use clerk_tests::{MockServer, Reply};
use serde_json::json;

#[tokio::test]
async fn subscription_decodes_items_plan_payer_and_totals() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "billing_subscription.json"));
    let sub = server
        .client()
        .users()
        .get_billing_subscription("user_2abc")
        .await
        .expect("subscription");

    let req = server.single();
    assert_eq!(
        (req.method.as_str(), req.path.as_str(), req.query.as_deref()),
        ("GET", "/users/user_2abc/billing/subscription", None)
    );
    assert!(req.body.is_empty());

    assert_eq!(sub.status, BillingSubscriptionStatus::Active);
    assert_eq!(sub.past_due_at, None);
    assert_eq!(sub.eligible_for_free_trial, Some(false));
    let next = sub.next_payment.as_ref().expect("next payment");
    assert_eq!(next.amount.amount, 2000);
    let next_totals = next.totals.as_ref().expect("totals");
    assert_eq!(next_totals.grand_total.amount_formatted, "35.00");
    assert_eq!(next_totals.credits, None);
    let seats = &next.per_unit_totals.as_ref().expect("per unit")[0];
    assert_eq!(
        (seats.name.as_str(), seats.tiers[0].quantity),
        ("seats", Some(3))
    );

    let item = &sub.subscription_items[0];
    assert_eq!(item.status, BillingSubscriptionItemStatus::Active);
    assert_eq!(item.plan_period, BillingPlanPeriod::Month);
    let plan = item.plan.as_ref().expect("plan");
    assert_eq!(
        (plan.slug.as_str(), plan.free_trial_days),
        ("pro", Some(14))
    );
    assert_eq!(
        plan.unit_prices.as_ref().expect("unit prices")[0].tiers[0].ends_after_block,
        None
    );
    let method = item.payment_method.as_ref().expect("payment method");
    assert_eq!(method.payment_type, BillingPaymentType::Card);
    assert_eq!(method.last4.as_deref(), Some("4242"));
    let credits = item.credits.as_ref().expect("credits");
    assert_eq!(
        credits.proration.as_ref().map(|p| p.cycle_days_remaining),
        Some(6)
    );
    assert_eq!(credits.payer, None);
    let payer = item.payer.as_ref().expect("payer");
    assert_eq!(
        payer.user_id.as_deref(),
        Some("user_2xhFjEI5X2qWRvtV13BzSj8H6Dk")
    );
    assert_eq!(payer.organization_id, None);
    let discounts = item
        .totals
        .as_ref()
        .and_then(|t| t.discounts.as_ref())
        .expect("discounts");
    assert_eq!(
        discounts.proration.as_ref().map(|p| p.cycle_passed_percent),
        Some(80.0)
    );
    assert_eq!(item.proration_date.as_deref(), Some("2026-05-14"));
}

#[tokio::test]
async fn credit_balance_decodes_an_amount_and_a_missing_balance() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "billing_credit_balance.json"));
    server.reply(Reply::json(
        200,
        r#"{"object":"commerce_credit_balance","balance":null}"#,
    ));
    let clerk = server.client();
    let balance = clerk
        .users()
        .get_billing_credit_balance("user_2abc")
        .await
        .expect("balance");
    let never = clerk
        .users()
        .get_billing_credit_balance("user_new")
        .await
        .expect("no balance");

    let requests = server.requests();
    assert_eq!(
        (requests[0].method.as_str(), requests[0].path.as_str()),
        ("GET", "/users/user_2abc/billing/credits")
    );
    assert_eq!(requests[0].query, None);
    let money = balance.balance.expect("balance");
    assert_eq!(
        (
            money.amount,
            money.currency.as_str(),
            money.currency_symbol.as_str()
        ),
        (2500, "USD", "$")
    );
    assert_eq!(never.balance, None);
}

#[tokio::test]
async fn adjusting_credits_sends_the_body_and_decodes_the_ledger_entry() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "billing_credit_ledger.json"));
    server.reply(Reply::fixture(200, "billing_credit_ledger.json"));
    let clerk = server.client();
    let entry = clerk
        .users()
        .adjust_billing_credit_balance(
            "user_2abc",
            AdjustCreditBalanceParams::decrease(1000, "ticket-4711")
                .currency("USD")
                .note("Goodwill adjustment, ticket 4711"),
        )
        .await
        .expect("adjust");
    clerk
        .users()
        .adjust_billing_credit_balance(
            "user_2abc",
            AdjustCreditBalanceParams::new(250, CreditBalanceAction::Increase, "grant-1"),
        )
        .await
        .expect("adjust with required fields only");

    let requests = server.requests();
    assert_eq!(
        (
            requests[0].method.as_str(),
            requests[0].path.as_str(),
            requests[0].query.as_deref()
        ),
        ("POST", "/users/user_2abc/billing/credits", None)
    );
    assert_eq!(
        requests[0].json(),
        json!({
            "amount": 1000,
            "action": "decrease",
            "currency": "USD",
            "idempotency_key": "ticket-4711",
            "note": "Goodwill adjustment, ticket 4711"
        })
    );
    assert_eq!(
        requests[1].json(),
        json!({"amount": 250, "action": "increase", "idempotency_key": "grant-1"})
    );
    assert_eq!(entry.amount.amount, -1000);
    assert_eq!(entry.source_type, "grant");
    assert_eq!(entry.created_at, "2026-05-20T14:03:11Z");
    assert_eq!(
        entry.note.as_deref(),
        Some("Goodwill adjustment, ticket 4711")
    );
}
