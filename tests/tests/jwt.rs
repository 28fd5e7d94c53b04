//! Session token verification with a PEM key (no network): every check of Clerk's backend
//! SDK in its order, time boundaries, algorithm confusion, key formats, typed claims and
//! `has()`. Tokens are signed in the test with freshly generated RSA keys.

mod jwt_support;

use std::sync::OnceLock;
use std::time::Duration;

use aws_lc_rs::encoding::AsDer;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use clerk_backend::jwt::{
    Check, FactorLevel, KeySource, Reverification, SessionClaims, SessionStatus, TokenError,
    Verifier,
};
use jsonwebtoken::{Algorithm, EncodingKey};
use jwt_support::{at_ms, now, pem, raw_token, session_claims, signing_input, TestKey, NOW};
use serde_json::{json, Value};

fn key() -> &'static TestKey {
    static KEY: OnceLock<TestKey> = OnceLock::new();
    KEY.get_or_init(|| TestKey::generate("ins_key_1"))
}

fn other_key() -> &'static TestKey {
    static KEY: OnceLock<TestKey> = OnceLock::new();
    KEY.get_or_init(|| TestKey::generate("ins_key_1"))
}

fn verifier() -> Verifier {
    Verifier::from_pem(&key().pem()).expect("pem")
}

fn with(mut claims: Value, changes: Value) -> Value {
    for (k, v) in changes.as_object().expect("object") {
        if v.is_null() {
            claims.as_object_mut().expect("object").remove(k);
        } else {
            claims[k] = v.clone();
        }
    }
    claims
}

async fn verify(verifier: &Verifier, token: &str) -> Result<SessionClaims, TokenError> {
    verifier.verify_at(token, now()).await
}

/// The error, asserting it shows neither the token nor any of its parts.
async fn rejected(verifier: &Verifier, token: &str) -> TokenError {
    let err = match verify(verifier, token).await {
        Ok(claims) => panic!("accepted: {claims:?}"),
        Err(e) => e,
    };
    let shown = format!("{err} {err:?}");
    for part in token.split('.').filter(|p| p.len() > 8) {
        assert!(!shown.contains(part), "error shows the token: {shown}");
    }
    err
}

#[tokio::test]
async fn a_valid_token_gives_typed_claims_and_keeps_every_claim() {
    let payload = with(
        session_claims(),
        json!({"email": "ada@example.com", "metadata": {"tier": 3}}),
    );
    let claims = verify(&verifier(), &key().token(&payload))
        .await
        .expect("valid");
    assert_eq!(claims.user_id(), "user_2abc");
    assert_eq!(claims.session_id(), Some("sess_2xyz"));
    assert_eq!(claims.azp.as_deref(), Some("https://app.example.com"));
    assert_eq!(claims.iss.as_deref(), Some("https://clerk.example.com"));
    assert_eq!(
        (claims.exp, claims.iat, claims.nbf),
        (NOW + 60, Some(NOW - 10), Some(NOW - 20))
    );
    assert_eq!(claims.session_status(), Some(&SessionStatus::Active));
    assert!(!claims.is_pending());
    assert_eq!(claims.factor_verification_age(), Some([3, -1]));
    assert_eq!(claims.v, Some(2));
    assert_eq!(claims.actor(), None);
    assert_eq!(claims.org_id(), None);
    assert!(claims.org_permissions().is_empty());
    // Custom claims (of a JWT template, say) are all there.
    assert_eq!(claims.get("email"), Some(&json!("ada@example.com")));
    assert_eq!(claims.claims["metadata"], json!({"tier": 3}));
    assert_eq!(Value::Object(claims.claims.clone()), payload);
}

#[tokio::test]
async fn rs384_and_rs512_are_accepted() {
    for alg in ["RS384", "RS512"] {
        let token = key().sign(
            &json!({"alg": alg, "kid": "k", "typ": "JWT"}),
            &session_claims(),
        );
        let claims = verify(&verifier(), &token).await;
        assert!(claims.is_ok(), "{alg}: {claims:?}");
    }
}

#[tokio::test]
async fn the_verifier_clock_is_used_by_verify() {
    let token = key().token(&session_claims());
    let fixed = Verifier::builder(KeySource::pem(&key().pem()).expect("pem"))
        .clock(|| at_ms(0))
        .build();
    assert!(fixed.verify(&token).await.is_ok());
    let later = Verifier::builder(KeySource::pem(&key().pem()).expect("pem"))
        .clock(|| at_ms(3_600_000))
        .build();
    assert!(matches!(
        later.verify(&token).await,
        Err(TokenError::Expired { .. })
    ));
}

#[tokio::test]
async fn expiry_is_checked_with_the_skew_at_the_boundary() {
    let token = key().token(&with(session_claims(), json!({"exp": NOW})));
    let v = verifier();
    // Expired when exp <= now - 5 s.
    assert!(v.verify_at(&token, at_ms(4_999)).await.is_ok());
    let err = v.verify_at(&token, at_ms(5_000)).await.err();
    match err {
        Some(TokenError::Expired { exp, now }) => assert_eq!((exp, now), (NOW, NOW + 5)),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        rejected(
            &v,
            &key().token(&with(session_claims(), json!({"exp": NOW - 6})))
        )
        .await
        .reason(),
        "token-expired"
    );
}

#[tokio::test]
async fn not_before_is_checked_with_the_skew_at_the_boundary() {
    let token = key().token(&with(session_claims(), json!({"nbf": NOW, "iat": null})));
    let v = verifier();
    // Not yet valid when nbf > now + 5 s.
    assert!(v.verify_at(&token, at_ms(-5_000)).await.is_ok());
    assert!(matches!(
        v.verify_at(&token, at_ms(-5_001)).await,
        Err(TokenError::NotYetValid { nbf: NOW, .. })
    ));
    let far = key().token(&with(session_claims(), json!({"nbf": NOW + 60})));
    assert_eq!(rejected(&v, &far).await.reason(), "token-not-active-yet");
}

#[tokio::test]
async fn issued_at_in_the_future_is_its_own_error() {
    let token = key().token(&with(session_claims(), json!({"iat": NOW, "nbf": null})));
    let v = verifier();
    assert!(v.verify_at(&token, at_ms(-5_000)).await.is_ok());
    let err = v.verify_at(&token, at_ms(-5_001)).await.err();
    assert!(
        matches!(err, Some(TokenError::IssuedInTheFuture { iat: NOW, .. })),
        "{err:?}"
    );
    assert_eq!(err.map(|e| e.reason()), Some("token-iat-in-the-future"));
}

#[tokio::test]
async fn a_zero_skew_is_honoured_and_a_large_one_too() {
    let token = key().token(&with(session_claims(), json!({"exp": NOW})));
    let strict = Verifier::builder(KeySource::pem(&key().pem()).expect("pem"))
        .clock_skew(Duration::ZERO)
        .build();
    assert!(strict.verify_at(&token, at_ms(-1)).await.is_ok());
    assert!(strict.verify_at(&token, at_ms(0)).await.is_err());
    let lenient = Verifier::builder(KeySource::pem(&key().pem()).expect("pem"))
        .clock_skew(Duration::from_secs(60))
        .build();
    assert!(lenient.verify_at(&token, at_ms(59_999)).await.is_ok());
    assert!(lenient.verify_at(&token, at_ms(60_000)).await.is_err());
}

#[tokio::test]
async fn time_claims_must_be_numbers_and_exp_is_required() {
    let v = verifier();
    for (change, claim) in [
        (json!({"exp": null}), "exp"),
        (json!({"exp": "tomorrow"}), "exp"),
        (json!({"nbf": "now"}), "nbf"),
        (json!({"iat": [1]}), "iat"),
    ] {
        let err = rejected(&v, &key().token(&with(session_claims(), change))).await;
        assert!(
            matches!(err, TokenError::InvalidClaim { claim: c } if c == claim),
            "{err:?}"
        );
    }
    // Fractional seconds are numbers too.
    let token = key().token(&with(session_claims(), json!({"exp": NOW as f64 + 60.5})));
    assert_eq!(verify(&v, &token).await.map(|c| c.exp).ok(), Some(NOW + 60));
}

#[tokio::test]
async fn authorized_parties_need_a_listed_azp() {
    let v = Verifier::builder(KeySource::pem(&key().pem()).expect("pem"))
        .authorized_parties(["https://app.example.com", "https://admin.example.com"])
        .build();
    assert!(verify(&v, &key().token(&session_claims())).await.is_ok());
    let admin = with(
        session_claims(),
        json!({"azp": "https://admin.example.com"}),
    );
    assert!(verify(&v, &key().token(&admin)).await.is_ok());

    let evil = with(session_claims(), json!({"azp": "https://evil.example.com"}));
    let err = rejected(&v, &key().token(&evil)).await;
    assert!(
        matches!(&err, TokenError::InvalidAuthorizedParty { azp: Some(a) } if a == "https://evil.example.com"),
        "{err:?}"
    );
    assert_eq!(err.reason(), "token-invalid-authorized-parties");
    // A prefix or a trailing slash is not the same origin.
    let slash = with(session_claims(), json!({"azp": "https://app.example.com/"}));
    assert!(verify(&v, &key().token(&slash)).await.is_err());

    for missing in [json!({"azp": null}), json!({"azp": ""}), json!({"azp": 7})] {
        let err = rejected(&v, &key().token(&with(session_claims(), missing))).await;
        assert!(
            matches!(err, TokenError::InvalidAuthorizedParty { azp: None }),
            "{err:?}"
        );
    }
    // Without authorized parties, any azp (or none) is fine.
    let open = verifier();
    assert!(verify(&open, &key().token(&evil)).await.is_ok());
    let no_azp = with(session_claims(), json!({"azp": null}));
    assert!(verify(&open, &key().token(&no_azp)).await.is_ok());
}

#[tokio::test]
async fn audience_and_issuer_when_configured() {
    let v = Verifier::builder(KeySource::pem(&key().pem()).expect("pem"))
        .audience(["api://orders"])
        .issuers(["https://clerk.example.com"])
        .build();
    for aud in [json!("api://orders"), json!(["other", "api://orders"])] {
        let token = key().token(&with(session_claims(), json!({ "aud": aud })));
        assert!(verify(&v, &token).await.is_ok(), "{aud}");
    }
    for aud in [
        json!("other"),
        json!(["x", "y"]),
        json!(5),
        json!(["api://orders", 5]),
    ] {
        let token = key().token(&with(session_claims(), json!({ "aud": aud })));
        assert!(
            matches!(rejected(&v, &token).await, TokenError::InvalidAudience),
            "{aud}"
        );
    }
    let ok_aud = json!({"aud": "api://orders"});
    let wrong_iss = with(
        with(session_claims(), ok_aud.clone()),
        json!({"iss": "https://clerk.other.com"}),
    );
    assert!(matches!(
        rejected(&v, &key().token(&wrong_iss)).await,
        TokenError::InvalidIssuer { iss: Some(_) }
    ));
    let no_iss = with(with(session_claims(), ok_aud), json!({"iss": null}));
    assert!(matches!(
        rejected(&v, &key().token(&no_iss)).await,
        TokenError::InvalidIssuer { iss: None }
    ));
    // Not configured: not checked.
    let wrong_both = with(session_claims(), json!({"aud": "x", "iss": "y"}));
    assert!(verify(&verifier(), &key().token(&wrong_both)).await.is_ok());
}

/// @clerk/backend's `assertAudienceClaim` (jwt/assertions.ts) checks `aud` only when both the
/// configured audience and the token's `aud` are non-empty: Clerk's session tokens carry no
/// `aud` (they name their origin in `azp`), so an audience setting must not refuse them.
#[tokio::test]
async fn assert_audience_claim_a_token_without_aud_passes_a_configured_audience() {
    let v = Verifier::builder(KeySource::pem(&key().pem()).expect("pem"))
        .audience(["api://orders"])
        .build();
    let mut absent = session_claims();
    absent.as_object_mut().expect("object").remove("aud");
    assert!(verify(&v, &key().token(&absent)).await.is_ok());
    for aud in [Value::Null, json!(""), json!([]), json!([""])] {
        let token = key().token(&with(session_claims(), json!({ "aud": aud })));
        assert!(verify(&v, &token).await.is_ok(), "{aud}");
    }
    // A present `aud` is still checked.
    let token = key().token(&with(session_claims(), json!({"aud": ["x", ""]})));
    assert!(matches!(
        rejected(&v, &token).await,
        TokenError::InvalidAudience
    ));
}

#[tokio::test]
async fn alg_none_and_every_non_rsa_algorithm_are_refused() {
    let v = verifier();
    let payload = session_claims();
    let none = raw_token(&json!({"alg": "none", "typ": "JWT"}), &payload, b"");
    let err = rejected(&v, &none).await;
    assert!(
        matches!(&err, TokenError::InvalidAlgorithm { alg } if alg == "none"),
        "{err:?}"
    );
    assert_eq!(err.reason(), "token-invalid-algorithm");
    // Even with a valid RS256 signature, the header's claim decides and is refused.
    for alg in ["ES256", "PS256", "EdDSA", "HS512", "rs256", ""] {
        let header = json!({"alg": alg, "typ": "JWT"});
        let input = signing_input(&header, &payload);
        let sig = jsonwebtoken::crypto::sign(input.as_bytes(), &key().encoding, Algorithm::RS256)
            .expect("sign");
        let token = format!("{input}.{sig}");
        assert!(
            matches!(
                rejected(&v, &token).await,
                TokenError::InvalidAlgorithm { .. }
            ),
            "{alg}"
        );
    }
    let no_alg = key().sign(&json!({"typ": "JWT"}), &payload);
    assert!(matches!(
        rejected(&v, &no_alg).await,
        TokenError::InvalidAlgorithm { .. }
    ));
}

#[tokio::test]
async fn hs256_signed_with_the_public_key_bytes_is_refused() {
    let v = verifier();
    let public_forms: Vec<Vec<u8>> = vec![
        key().pem().into_bytes(),
        key().pem().trim_end().as_bytes().to_vec(),
        key().spki_der.clone(),
        key().pkcs1_der.clone(),
    ];
    for secret in public_forms {
        for alg in [Algorithm::HS256, Algorithm::HS384, Algorithm::HS512] {
            let header = json!({"alg": format!("{alg:?}"), "typ": "JWT", "kid": key().kid});
            let input = signing_input(&header, &session_claims());
            let sig = jsonwebtoken::crypto::sign(
                input.as_bytes(),
                &EncodingKey::from_secret(&secret),
                alg,
            )
            .expect("hmac");
            let err = rejected(&v, &format!("{input}.{sig}")).await;
            assert!(
                matches!(err, TokenError::InvalidAlgorithm { .. }),
                "{alg:?}: {err:?}"
            );
        }
    }
}

#[tokio::test]
async fn tampering_or_another_key_breaks_the_signature() {
    let v = verifier();
    let token = key().token(&session_claims());
    let (input, sig) = token.rsplit_once('.').expect("3 parts");
    let (header, _) = input.split_once('.').expect("3 parts");
    let admin = with(session_claims(), json!({"sub": "user_admin"}));
    let forged_payload = URL_SAFE_NO_PAD.encode(admin.to_string());
    let tampered = format!("{header}.{forged_payload}.{sig}");
    let err = rejected(&v, &tampered).await;
    assert!(matches!(err, TokenError::BadSignature), "{err:?}");
    assert_eq!(err.reason(), "token-invalid-signature");

    // Same kid, different key.
    let err = rejected(&v, &other_key().token(&session_claims())).await;
    assert!(matches!(err, TokenError::BadSignature), "{err:?}");

    // A flipped bit in the signature.
    let mut bytes = URL_SAFE_NO_PAD.decode(sig).expect("b64");
    bytes[10] ^= 1;
    let flipped = format!("{input}.{}", URL_SAFE_NO_PAD.encode(bytes));
    assert!(matches!(
        rejected(&v, &flipped).await,
        TokenError::BadSignature
    ));
    // An empty signature.
    assert!(matches!(
        rejected(&v, &format!("{input}.")).await,
        TokenError::BadSignature
    ));
    // The signature is checked before the claims: an expired forgery is a bad signature.
    let expired = with(session_claims(), json!({"exp": NOW - 3600}));
    let forged = format!(
        "{header}.{}.{sig}",
        URL_SAFE_NO_PAD.encode(expired.to_string())
    );
    assert!(matches!(
        rejected(&v, &forged).await,
        TokenError::BadSignature
    ));
}

#[tokio::test]
async fn malformed_tokens_say_so() {
    let v = verifier();
    let token = key().token(&session_claims());
    let parts: Vec<&str> = token.split('.').collect();
    let (h, p, s) = (parts[0], parts[1], parts[2]);
    let bad_json = URL_SAFE_NO_PAD.encode("{\"alg\":");
    let not_object = URL_SAFE_NO_PAD.encode("[1,2]");
    let cases = [
        String::new(),
        "garbage".to_owned(),
        format!("{h}.{p}"),
        format!("{h}.{p}.{s}.{s}"),
        format!("{h}.{p}.{s}."),
        format!("{h}..{s}"),
        format!("{h}.{p}!.{s}"),
        format!("{h}.{p}.{s}*"),
        format!("{bad_json}.{p}.{s}"),
        format!("{h}.{bad_json}.{s}"),
        format!("{h}.{not_object}.{s}"),
        format!("{not_object}.{p}.{s}"),
    ];
    for bad in cases {
        let err = rejected(&v, &bad).await;
        assert!(
            matches!(err, TokenError::Malformed { .. }),
            "{bad}: {err:?}"
        );
        assert_eq!(err.reason(), "token-invalid");
    }
    // Padding is optional, as in Clerk's SDK.
    let padding = "=".repeat((4 - s.len() % 4) % 4);
    assert!(verify(&v, &format!("{h}.{p}.{s}{padding}")).await.is_ok());
}

#[tokio::test]
async fn typ_must_be_jwt_when_present() {
    let v = verifier();
    let no_typ = key().sign(&json!({"alg": "RS256", "kid": "k"}), &session_claims());
    assert!(verify(&v, &no_typ).await.is_ok());
    for typ in ["jwt", "JOSE", "JWS", ""] {
        let token = key().sign(&json!({"alg": "RS256", "typ": typ}), &session_claims());
        let err = rejected(&v, &token).await;
        assert!(
            matches!(&err, TokenError::InvalidType { typ: t } if t == typ),
            "{typ}: {err:?}"
        );
    }
}

#[tokio::test]
async fn machine_tokens_are_not_session_tokens() {
    let v = verifier();
    let m2m_cat = key().sign(
        &json!({"alg": "RS256", "typ": "JWT", "cat": "cl_B7d4PD333AAA"}),
        &session_claims(),
    );
    let oauth = key().sign(&json!({"alg": "RS256", "typ": "at+jwt"}), &session_claims());
    let oauth_long = key().sign(
        &json!({"alg": "RS256", "typ": "application/at+jwt"}),
        &session_claims(),
    );
    let machine = key().token(&with(session_claims(), json!({"sub": "mch_2abc"})));
    for token in [m2m_cat, oauth, oauth_long, machine] {
        let err = rejected(&v, &token).await;
        assert!(
            matches!(err, TokenError::NotASessionToken { .. }),
            "{err:?}"
        );
    }
    // Session and JWT-template categories verify.
    for cat in ["cl_B7d4PD111AAA", "cl_B7d4PD222AAA", "cl_I7d4PD111III"] {
        let token = key().sign(
            &json!({"alg": "RS256", "typ": "JWT", "cat": cat}),
            &session_claims(),
        );
        assert!(verify(&v, &token).await.is_ok(), "{cat}");
    }
}

#[tokio::test]
async fn sub_must_be_a_non_empty_string() {
    let v = verifier();
    for sub in [Value::Null, json!(""), json!(42)] {
        let token = key().token(&with(session_claims(), json!({ "sub": sub })));
        let err = rejected(&v, &token).await;
        assert!(matches!(err, TokenError::MissingSubject), "{sub}: {err:?}");
    }
}

#[tokio::test]
async fn checks_run_in_clerks_order() {
    let v = Verifier::builder(KeySource::pem(&key().pem()).expect("pem"))
        .authorized_parties(["https://app.example.com"])
        .build();
    // No sub, wrong azp and expired: sub is checked first.
    let everything_wrong = json!({"azp": "https://evil.example.com", "exp": NOW - 100});
    assert!(matches!(
        rejected(&v, &key().token(&everything_wrong)).await,
        TokenError::MissingSubject
    ));
    // Wrong azp and expired: azp first.
    let azp_and_exp = with(
        session_claims(),
        json!({"azp": "https://evil.example.com", "exp": NOW - 100}),
    );
    assert!(matches!(
        rejected(&v, &key().token(&azp_and_exp)).await,
        TokenError::InvalidAuthorizedParty { .. }
    ));
    // Expired and not yet valid: exp first.
    let exp_and_nbf = with(
        session_claims(),
        json!({"exp": NOW - 100, "nbf": NOW + 100}),
    );
    assert!(matches!(
        rejected(&v, &key().token(&exp_and_nbf)).await,
        TokenError::Expired { .. }
    ));
    // Wrong typ and alg none: typ first.
    let typ_and_alg = raw_token(
        &json!({"alg": "none", "typ": "JOSE"}),
        &session_claims(),
        b"",
    );
    assert!(matches!(
        rejected(&v, &typ_and_alg).await,
        TokenError::InvalidType { .. }
    ));
}

#[tokio::test]
async fn v2_organization_claims_derive_roles_and_permissions() {
    let payload = with(
        session_claims(),
        json!({
            "o": {"id": "org_2abc", "slg": "acme", "rol": "admin", "per": "read,manage,delete", "fpm": "3,4,1"},
            "fea": "o:invoices,u:beta,o:reports,ou:dashboard",
            "pla": "u:free,o:pro"
        }),
    );
    let claims = verify(&verifier(), &key().token(&payload))
        .await
        .expect("valid");
    assert_eq!(claims.org_id(), Some("org_2abc"));
    assert_eq!(claims.org_slug(), Some("acme"));
    assert_eq!(claims.org_role(), Some("org:admin"));
    // Masks go to the org features in order (invoices, reports, dashboard); bit 0 = read.
    assert_eq!(
        claims.org_permissions(),
        [
            "org:invoices:read",
            "org:invoices:manage",
            "org:reports:delete",
            "org:dashboard:read"
        ]
    );
    assert_eq!(claims.features().org, ["invoices", "reports", "dashboard"]);
    assert_eq!(claims.features().user, ["beta", "dashboard"]);
    assert_eq!(claims.plans().org, ["pro"]);
    assert_eq!(claims.plans().user, ["free"]);

    // `o` without per/fpm: an organization without permissions.
    let bare = with(
        session_claims(),
        json!({"o": {"id": "org_1", "rol": "member"}}),
    );
    let claims = verify(&verifier(), &key().token(&bare)).await.expect("ok");
    assert_eq!(claims.org_role(), Some("org:member"));
    assert!(claims.org_permissions().is_empty());
    // v2 without `o`: no organization, even with v1-style claims around.
    let none = with(session_claims(), json!({"org_id": "org_legacy"}));
    let claims = verify(&verifier(), &key().token(&none)).await.expect("ok");
    assert_eq!(claims.org_id(), None);
}

#[tokio::test]
async fn v1_organization_claims_are_used_as_they_are() {
    let payload = with(
        session_claims(),
        json!({
            "v": null, "org_id": "org_1", "org_slug": "acme", "org_role": "org:admin",
            "org_permissions": ["org:posts:edit", "org:posts:read"]
        }),
    );
    let claims = verify(&verifier(), &key().token(&payload))
        .await
        .expect("valid");
    assert_eq!(claims.v, None);
    assert_eq!(claims.org_id(), Some("org_1"));
    assert_eq!(claims.org_slug(), Some("acme"));
    assert_eq!(claims.org_role(), Some("org:admin"));
    assert_eq!(
        claims.org_permissions(),
        ["org:posts:edit", "org:posts:read"]
    );
    assert!(claims.has(Check::permission("posts:edit")));
    assert!(claims.has(Check::role("admin")));
}

fn claims_of(payload: Value) -> SessionClaims {
    let Value::Object(map) = payload else {
        panic!("object")
    };
    SessionClaims::from_claims(map).expect("claims")
}

#[test]
fn has_ands_what_is_asked_and_fails_closed() {
    let claims = claims_of(with(
        session_claims(),
        json!({
            "o": {"id": "org_1", "rol": "admin", "per": "read,manage", "fpm": "3"},
            "fea": "o:invoices,u:beta",
            "pla": "o:pro,u:free",
            "fva": [2, 30]
        }),
    ));
    // Roles: org: prefixes normalised.
    for role in ["admin", "org:admin", "org:org:admin"] {
        assert!(claims.has(Check::role(role)), "{role}");
    }
    assert!(!claims.has(Check::role("member")));
    assert!(!claims.has(Check::role("")));
    // Permissions.
    assert!(claims.has(Check::permission("org:invoices:manage")));
    assert!(claims.has(Check::permission("invoices:read")));
    assert!(!claims.has(Check::permission("org:invoices:delete")));
    // Features and plans, scoped or not.
    assert!(claims.has(Check::feature("invoices")));
    assert!(claims.has(Check::feature("o:invoices")));
    assert!(claims.has(Check::feature("org:invoices")));
    assert!(claims.has(Check::feature("organization:invoices")));
    assert!(!claims.has(Check::feature("u:invoices")));
    assert!(claims.has(Check::feature("user:beta")));
    assert!(!claims.has(Check::feature("org:beta")));
    assert!(!claims.has(Check::feature("team:invoices")));
    assert!(claims.has(Check::plan("pro")));
    assert!(claims.has(Check::plan("u:free")));
    assert!(!claims.has(Check::plan("enterprise")));
    // Several dimensions: all must hold.
    assert!(claims.has(Check::role("admin").and_permission("invoices:read")));
    assert!(!claims.has(Check::role("admin").and_permission("invoices:delete")));
    assert!(claims.has(Check::role("admin").and_feature("invoices")));
    assert!(!claims.has(Check::role("member").and_feature("invoices")));
    assert!(!claims.has(Check::feature("invoices").and_plan("enterprise")));
    // Reverification: second factor 30 min ago.
    assert!(claims.has(Check::reverification(Reverification::Moderate)));
    assert!(!claims.has(Check::reverification(Reverification::Strict)));
    assert!(!claims.has(Check::role("admin").and_reverification(Reverification::Strict)));
    assert!(claims.has(Check::reverification(Reverification::Custom {
        level: FactorLevel::FirstFactor,
        after_minutes: 3,
    })));
    // Asking nothing is false.
    assert!(!claims.has(Check::default()));

    // No organization, no fea/pla, no fva: everything fails closed.
    let plain = claims_of(with(session_claims(), json!({"fva": null})));
    assert!(!plain.has(Check::role("admin")));
    assert!(!plain.has(Check::permission("org:invoices:read")));
    assert!(!plain.has(Check::feature("invoices")));
    assert!(!plain.has(Check::plan("free")));
    assert!(!plain.has(Check::reverification(Reverification::Lax)));
}

#[tokio::test]
async fn actor_and_pending_status() {
    let payload = with(
        session_claims(),
        json!({"act": {"sub": "user_support", "iss": "https://dashboard.clerk.com", "sid": "sess_a"}, "sts": "pending"}),
    );
    let claims = verify(&verifier(), &key().token(&payload))
        .await
        .expect("valid");
    let actor = claims.actor().expect("actor");
    assert_eq!(actor.sub, "user_support");
    assert_eq!(actor.claims["iss"], json!("https://dashboard.clerk.com"));
    assert!(!actor.claims.contains_key("sub"));
    assert!(claims.is_pending());
    assert_eq!(
        claims.session_status().map(SessionStatus::as_str),
        Some("pending")
    );
    let other = claims_of(with(session_claims(), json!({"sts": "frozen"})));
    assert_eq!(
        other.session_status(),
        Some(&SessionStatus::Unknown("frozen".into()))
    );
}

#[tokio::test]
async fn pem_forms_all_work() {
    let normal = key().pem();
    let body: String = normal.lines().filter(|l| !l.starts_with("-----")).collect();
    let forms = [
        normal.clone(),
        normal.replace('\n', ""),
        normal.replace('\n', "\\n"),
        normal.replace('\n', "\r\n"),
        format!("  {}  ", normal.replace('\n', " ")),
        body.clone(),
        URL_SAFE_NO_PAD.encode(&key().spki_der),
        pem("RSA PUBLIC KEY", &key().pkcs1_der),
        STANDARD.encode(&key().pkcs1_der),
    ];
    let token = key().token(&session_claims());
    for (i, form) in forms.iter().enumerate() {
        let v = Verifier::from_pem(form).unwrap_or_else(|e| panic!("form {i}: {e}"));
        assert!(verify(&v, &token).await.is_ok(), "form {i}");
        // And the other key's tokens still fail: the PEM was really parsed.
        assert!(verify(&v, &other_key().token(&session_claims()))
            .await
            .is_err());
    }
}

/// DER of an SPKI for a made-up RSA modulus.
fn spki_for(n: &[u8], e: &[u8]) -> Vec<u8> {
    fn tlv(tag: u8, value: &[u8]) -> Vec<u8> {
        let mut out = vec![tag];
        match value.len() {
            len @ 0..=0x7f => out.push(len as u8),
            len @ 0x80..=0xff => out.extend([0x81, len as u8]),
            len => out.extend([0x82, (len >> 8) as u8, len as u8]),
        }
        out.extend_from_slice(value);
        out
    }
    let int = |v: &[u8]| {
        let mut bytes = vec![0];
        bytes.extend_from_slice(v);
        tlv(0x02, &bytes)
    };
    let rsa = tlv(0x30, &[int(n), int(e)].concat());
    let alg = tlv(
        0x30,
        &[
            tlv(
                0x06,
                &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01],
            ),
            vec![0x05, 0x00],
        ]
        .concat(),
    );
    let mut bits = vec![0];
    bits.extend(rsa);
    tlv(0x30, &[alg, tlv(0x03, &bits)].concat())
}

#[test]
fn unusable_keys_are_refused_without_quoting_them() {
    let ec = aws_lc_rs::signature::EcdsaKeyPair::generate(
        &aws_lc_rs::signature::ECDSA_P256_SHA256_FIXED_SIGNING,
    )
    .expect("ec");
    let ec_pem = pem(
        "PUBLIC KEY",
        aws_lc_rs::signature::KeyPair::public_key(&ec)
            .as_der()
            .expect("der")
            .as_ref(),
    );
    let ed = aws_lc_rs::signature::Ed25519KeyPair::generate().expect("ed");
    let ed_pem = pem(
        "PUBLIC KEY",
        aws_lc_rs::signature::KeyPair::public_key(&ed)
            .as_der()
            .expect("der")
            .as_ref(),
    );
    let small = pem("PUBLIC KEY", &spki_for(&[0xc5; 128], &[1, 0, 1]));
    let even_e = pem("PUBLIC KEY", &spki_for(&[0xc5; 256], &[2]));
    let normal = key().pem();
    let truncated = normal[..normal.len() / 2].to_owned();
    let private = pem("PRIVATE KEY", &[0x30, 0x03, 0x02, 0x01, 0x00]);
    let cases = [
        (ec_pem, "EC"),
        (ed_pem, "EdDSA"),
        (small, "1024 bits"),
        (even_e, "exponent"),
        (truncated, "END"),
        (private, "public"),
        (String::new(), "empty"),
        ("   \n".to_owned(), "empty"),
        ("not a key".to_owned(), "base64"),
        (normal.replace("PUBLIC KEY", "CERTIFICATE"), "CERTIFICATE"),
    ];
    for (pem, says) in cases {
        let err = match Verifier::from_pem(&pem) {
            Ok(v) => panic!("accepted {pem:?}: {v:?}"),
            Err(e) => e,
        };
        let shown = format!("{err} {err:?}");
        assert!(matches!(err, TokenError::InvalidKey { .. }), "{shown}");
        assert!(shown.contains(says), "{says}: {shown}");
        for line in pem
            .lines()
            .filter(|l| l.len() > 16 && !l.starts_with("-----"))
        {
            assert!(!shown.contains(line), "quotes the key: {shown}");
        }
    }
}

#[test]
fn clerk_jwt_key_is_read_from_the_environment() {
    let clerk = clerk_backend::Clerk::builder()
        .secret_key("sk_test_env")
        .base_url("http://127.0.0.1:9")
        .build()
        .expect("client");
    // Only this test touches CLERK_JWT_KEY.
    std::env::set_var("CLERK_JWT_KEY", key().pem().replace('\n', "\\n"));
    let from_pem = Verifier::from_env(clerk.clone());
    std::env::set_var("CLERK_JWT_KEY", "   ");
    let blank = Verifier::from_env(clerk.clone());
    std::env::set_var("CLERK_JWT_KEY", "nonsense");
    let bad = Verifier::from_env(clerk);
    std::env::remove_var("CLERK_JWT_KEY");
    assert!(format!("{:?}", from_pem.expect("pem")).contains("KeySource::Pem"));
    assert!(format!("{:?}", blank.expect("jwks")).contains("KeySource::Jwks"));
    assert!(matches!(bad, Err(TokenError::InvalidKey { .. })));
}

#[tokio::test]
async fn errors_never_show_the_token() {
    // `rejected` asserts it for every failure above; here with a token whose parts are
    // distinctive, for each kind of claim failure.
    let v = Verifier::builder(KeySource::pem(&key().pem()).expect("pem"))
        .authorized_parties(["https://app.example.com"])
        .audience(["aud"])
        .build();
    let secretish = json!({"sub": "user_2abc", "exp": NOW - 100, "azp": "https://app.example.com", "aud": "aud", "note": "TOPSECRETVALUE"});
    let token = key().token(&secretish);
    let err = rejected(&v, &token).await;
    assert!(matches!(err, TokenError::Expired { .. }));
    assert!(!format!("{err:?}").contains("TOPSECRETVALUE"));
    // Long values copied from the token are cut.
    let long_azp = "https://".to_owned() + &"a".repeat(500);
    let token = key().token(&with(session_claims(), json!({ "azp": long_azp })));
    let shown = rejected(&v, &token).await.to_string();
    assert!(shown.len() < 200, "{shown}");
}

#[test]
fn verifier_and_its_futures_are_send_and_sync() {
    fn send_sync<T: Send + Sync>(_: &T) {}
    fn send<T: Send>(_: &T) {}
    let v = verifier();
    send_sync(&v);
    let future = v.verify("a.b.c");
    send(&future);
    let err = TokenError::BadSignature;
    send_sync(&err);
    let _: &dyn std::error::Error = &err;
}
