//! The instance's SMS communication settings (`/instance/communication`): the country
//! blocklist, replaced whole, part of the settings record `instance_settings.rs` keeps.

use axum::extract::State;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::reply::{ok, ApiError, Body, Reply};
use super::shared::{read, set};
use super::shared::{reject_unknown, value_invalid};
use super::store::Shared;

/// The routes of the communication settings.
pub(super) fn routes() -> Router<Shared> {
    Router::new().route(
        "/instance/communication",
        get(get_communication).patch(update_communication),
    )
}

/// The ISO 3166-1 alpha-2 codes the SMS blocklist keeps; others are dropped, as Clerk drops
/// codes it does not know as SMS countries.
const COUNTRY_CODES: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG \
    BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV \
    CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH \
    GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM \
    JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG \
    MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM \
    PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK \
    SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM \
    US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

/// The most codes one blocklist may hold (the spec's `maxItems`).
const MAX_BLOCKED_COUNTRIES: usize = 250;

async fn get_communication(State(inner): State<Shared>) -> Reply {
    ok(&inner.store().instance_settings.communication)
}

/// Body of `PATCH /instance/communication`.
#[derive(Debug, Deserialize)]
struct CommunicationBody {
    #[serde(default)]
    blocked_country_codes: Option<Vec<String>>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// Checks a whole-list replacement of the SMS blocklist (upper-case two-letter codes, each
/// once, at most 250) and keeps the codes of known countries.
fn blocklist(codes: Vec<String>) -> Result<Vec<String>, ApiError> {
    const PARAM: &str = "blocked_country_codes";
    if codes.len() > MAX_BLOCKED_COUNTRIES {
        return Err(value_invalid(
            PARAM,
            format!("{PARAM} may hold at most {MAX_BLOCKED_COUNTRIES} codes."),
        ));
    }
    let mut kept: Vec<String> = Vec::with_capacity(codes.len());
    for (i, code) in codes.iter().enumerate() {
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(ApiError::invalid(
                PARAM,
                format!("{code} is not an upper-case ISO 3166-1 alpha-2 country code."),
            ));
        }
        if codes[..i].contains(code) {
            return Err(value_invalid(
                PARAM,
                format!("{code} appears more than once."),
            ));
        }
        if COUNTRY_CODES.split_whitespace().any(|known| known == code) {
            kept.push(code.clone());
        }
    }
    Ok(kept)
}

async fn update_communication(
    State(inner): State<Shared>,
    Body(raw): Body<Map<String, Value>>,
) -> Reply {
    let body: CommunicationBody = read(raw)?;
    reject_unknown(&body.unknown)?;
    let codes = body.blocked_country_codes.map(blocklist).transpose()?;
    let mut store = inner.store();
    let c = &mut store.instance_settings.communication;
    set(&mut c.blocked_country_codes, codes);
    ok(&*c)
}

#[cfg(test)]
mod tests {
    use super::{blocklist, COUNTRY_CODES};

    #[test]
    fn the_country_list_is_iso_3166_alpha_2() {
        let codes: Vec<&str> = COUNTRY_CODES.split_whitespace().collect();
        assert_eq!(codes.len(), 249);
        assert!(codes.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
    }

    #[test]
    fn blocklists_keep_known_codes_and_refuse_bad_ones() {
        let kept = blocklist(vec!["US".into(), "ZZ".into(), "FR".into()]);
        assert_eq!(kept.ok(), Some(vec!["US".to_owned(), "FR".to_owned()]));
        assert!(blocklist(vec!["us".into()]).is_err());
        assert!(blocklist(vec!["USA".into()]).is_err());
        assert!(blocklist(vec!["US".into(), "US".into()]).is_err());
    }
}
