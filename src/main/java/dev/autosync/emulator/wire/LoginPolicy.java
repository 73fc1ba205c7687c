package dev.autosync.emulator.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Locale;

/**
 * Who may log in to the emulator: anyone (the default), or one user with a password and/or an RSA
 * public key. Key-pair logins carry a JWT (snowflake-jdbc's SNOWFLAKE_JWT authenticator) signed
 * with the private key; it is accepted when its RS256 signature verifies with the public key, its
 * subject names the user, its issuer carries the key's SHA-256 fingerprint and it has not expired.
 */
public record LoginPolicy(String user, String password, PublicKey publicKey) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static LoginPolicy anyone() {
        return new LoginPolicy(null, null, null);
    }

    public boolean open() {
        return user == null;
    }

    /** Checks a login request's {@code data} object. */
    public boolean accepts(JsonNode data) {
        if (open()) {
            return true;
        }
        String login = data.path("LOGIN_NAME").asText(null);
        if (login == null || !login.equalsIgnoreCase(user)) {
            return false;
        }
        if ("SNOWFLAKE_JWT".equalsIgnoreCase(data.path("AUTHENTICATOR").asText(""))) {
            return publicKey != null && validJwt(data.path("TOKEN").asText(""));
        }
        return password != null && password.equals(data.path("PASSWORD").asText(null));
    }

    private boolean validJwt(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(publicKey);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return false;
            }
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            String sub = claims.path("sub").asText("").toUpperCase(Locale.ROOT);
            String iss = claims.path("iss").asText("");
            long exp = claims.path("exp").asLong(0);
            return sub.endsWith("." + user.toUpperCase(Locale.ROOT)) && iss.endsWith("SHA256:" + fingerprint(publicKey))
                    && exp * 1000 > System.currentTimeMillis();
        } catch (Exception e) {
            return false;
        }
    }

    /** Snowflake's public key fingerprint: base64 of the SHA-256 of the DER-encoded key. */
    public static String fingerprint(PublicKey key) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
    }
}
