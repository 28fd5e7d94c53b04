//! RSA PKCS#1 v1.5 signature checks on the crypto library the TLS choice already compiles:
//! aws-lc-rs (`rustls`, `aws-lc-rs`) or ring (`rustls-ring`, `ring`). Both expose the same
//! `signature` API; aws-lc-rs wins when both are enabled.

#[cfg(not(any(feature = "aws-lc-rs", feature = "ring")))]
compile_error!(
    "clerk-backend's `jwt` feature verifies RSA signatures with aws-lc-rs or ring: enable \
     `rustls` (the default) or `aws-lc-rs` for aws-lc-rs, `rustls-ring` or `ring` for ring"
);

/// The algorithms a Clerk session token may be signed with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RsaAlgorithm {
    Rs256,
    Rs384,
    Rs512,
}

impl RsaAlgorithm {
    /// `RS256`, `RS384` or `RS512` as a JWT header's `alg`; anything else is `None`.
    pub(crate) fn from_name(name: &str) -> Option<Self> {
        match name {
            "RS256" => Some(Self::Rs256),
            "RS384" => Some(Self::Rs384),
            "RS512" => Some(Self::Rs512),
            _ => None,
        }
    }

    /// The JWT name of the algorithm.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Rs256 => "RS256",
            Self::Rs384 => "RS384",
            Self::Rs512 => "RS512",
        }
    }
}

/// An RSA public key as its big-endian modulus and exponent, leading zeros removed (ring
/// refuses them).
pub(crate) struct RsaPublicKey {
    n: Vec<u8>,
    e: Vec<u8>,
}

impl std::fmt::Debug for RsaPublicKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "RsaPublicKey({} bits)", self.n.len() * 8)
    }
}

impl RsaPublicKey {
    /// The key from its components, leading zeros removed; [`RsaPublicKey::components`]
    /// gives them back for the caller's size checks.
    pub(crate) fn new(n: &[u8], e: &[u8]) -> Self {
        Self {
            n: strip_zeros(n).to_vec(),
            e: strip_zeros(e).to_vec(),
        }
    }

    /// The modulus and the exponent, big-endian, without leading zeros.
    pub(crate) fn components(&self) -> (&[u8], &[u8]) {
        (&self.n, &self.e)
    }

    /// Whether `signature` is this key's `algorithm` signature of `message`.
    pub(crate) fn verifies(
        &self,
        algorithm: RsaAlgorithm,
        message: &[u8],
        signature: &[u8],
    ) -> bool {
        #[cfg(feature = "aws-lc-rs")]
        return verify_aws_lc_rs(self, algorithm, message, signature);
        #[cfg(all(feature = "ring", not(feature = "aws-lc-rs")))]
        return verify_ring(self, algorithm, message, signature);
    }
}

fn strip_zeros(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    &bytes[start..]
}

/// One verification function per library: their `signature` modules are the same API.
macro_rules! verify_with {
    ($name:ident, $feature:literal, $signature:path) => {
        #[cfg(feature = $feature)]
        // With both libraries compiled, ring's function is only called by the tests.
        #[cfg_attr(all(feature = "aws-lc-rs", feature = "ring"), allow(dead_code))]
        fn $name(key: &RsaPublicKey, algorithm: RsaAlgorithm, message: &[u8], sig: &[u8]) -> bool {
            use $signature as backend;
            let parameters = match algorithm {
                RsaAlgorithm::Rs256 => &backend::RSA_PKCS1_2048_8192_SHA256,
                RsaAlgorithm::Rs384 => &backend::RSA_PKCS1_2048_8192_SHA384,
                RsaAlgorithm::Rs512 => &backend::RSA_PKCS1_2048_8192_SHA512,
            };
            let components = backend::RsaPublicKeyComponents {
                n: key.n.as_slice(),
                e: key.e.as_slice(),
            };
            components.verify(parameters, message, sig).is_ok()
        }
    };
}

verify_with!(verify_aws_lc_rs, "aws-lc-rs", aws_lc_rs::signature);
verify_with!(verify_ring, "ring", ring::signature);

/// Both libraries must agree, whichever one a build picks: tested when both are compiled.
#[cfg(all(test, feature = "aws-lc-rs", feature = "ring"))]
mod tests {
    use aws_lc_rs::rand::SystemRandom;
    use aws_lc_rs::rsa::{KeyPair, KeySize, PublicKeyComponents};
    use aws_lc_rs::signature::{KeyPair as _, RSA_PKCS1_SHA256};

    use super::*;

    #[test]
    fn aws_lc_rs_and_ring_verify_the_same_signatures() {
        let pair = KeyPair::generate(KeySize::Rsa2048).expect("key");
        let public = PublicKeyComponents::<Vec<u8>>::from(pair.public_key());
        let message = b"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyXzEifQ";
        let mut signature = vec![0; pair.public_modulus_len()];
        pair.sign(
            &RSA_PKCS1_SHA256,
            &SystemRandom::new(),
            message,
            &mut signature,
        )
        .expect("sign");
        // A JWK's `n` may carry a leading zero byte; ring refuses it unless it is removed.
        let padded: Vec<u8> = std::iter::once(0).chain(public.n.iter().copied()).collect();
        let key = RsaPublicKey::new(&padded, &public.e);
        for verify in [verify_aws_lc_rs, verify_ring] {
            assert!(verify(&key, RsaAlgorithm::Rs256, message, &signature));
            assert!(!verify(&key, RsaAlgorithm::Rs384, message, &signature));
            assert!(!verify(&key, RsaAlgorithm::Rs256, b"other", &signature));
            let mut tampered = signature.clone();
            tampered[10] ^= 1;
            assert!(!verify(&key, RsaAlgorithm::Rs256, message, &tampered));
        }
    }
}
