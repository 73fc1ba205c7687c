package dev.autosync.warehouse;

import dev.autosync.config.PropertyNames;
import dev.autosync.emulator.wire.LoginPolicy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves a {@link ConnectionRequest} into one {@link Target}. Each setting may come from a goal
 * parameter, a settings.xml server, a connections.toml entry or an environment variable; the same
 * setting from two sources with different values, and any credential given twice, are refused, so
 * it is never a guess which one was used. The target is Snowflake when anything names an account
 * (or a URL, connection or server), else the local emulator.
 */
public final class ConnectionResolver {
    private static final String SNOWFLAKE_JWT = "SNOWFLAKE_JWT";

    private final List<String> problems = new ArrayList<>();
    private final List<String> sources = new ArrayList<>();

    public static Target resolve(ConnectionRequest r) throws InvalidConnectionException {
        return new ConnectionResolver().run(r);
    }

    private Target run(ConnectionRequest r) throws InvalidConnectionException {
        Map<String, String> env = r.environment;
        Map<String, String> toml = Map.of();
        String tomlSource = null;
        if (r.connectionName != null) {
            Path file = r.connectionsFile != null ? r.connectionsFile : ConnectionsToml.defaultFile(env);
            toml = ConnectionsToml.read(file, r.connectionName);
            tomlSource = "connections.toml [" + r.connectionName + "]";
        }
        String server = r.serverId == null ? null : "settings.xml server '" + r.serverId + "'";

        List<Sourced<String>> accounts = new ArrayList<>();
        add(accounts, r.account, "parameter " + PropertyNames.ACCOUNT);
        add(accounts, toml.get("account"), tomlSource);
        add(accounts, env.get("SNOWFLAKE_ACCOUNT"), "environment SNOWFLAKE_ACCOUNT");
        List<Sourced<String>> users = new ArrayList<>();
        add(users, r.user, "parameter " + PropertyNames.USER);
        add(users, r.serverUser, server);
        add(users, toml.get("user"), tomlSource);
        add(users, env.get("SNOWFLAKE_USER"), "environment SNOWFLAKE_USER");
        List<Sourced<String>> roles = new ArrayList<>();
        add(roles, r.role, "parameter " + PropertyNames.ROLE);
        add(roles, toml.get("role"), tomlSource);
        add(roles, env.get("SNOWFLAKE_ROLE"), "environment SNOWFLAKE_ROLE");
        List<Sourced<String>> warehouses = new ArrayList<>();
        add(warehouses, r.warehouse, "parameter " + PropertyNames.WAREHOUSE);
        add(warehouses, toml.get("warehouse"), tomlSource);
        add(warehouses, env.get("SNOWFLAKE_WAREHOUSE"), "environment SNOWFLAKE_WAREHOUSE");

        List<Sourced<Secret>> passwords = new ArrayList<>();
        add(passwords, r.password, "parameter autosync.password");
        add(passwords, r.serverPassword, server + " <password>");
        add(passwords, Secret.of(toml.get("password")), tomlSource + " password");
        add(passwords, Secret.of(env.get("SNOWFLAKE_PASSWORD")), "environment SNOWFLAKE_PASSWORD");
        List<Sourced<Path>> keys = new ArrayList<>();
        add(keys, r.privateKeyFile, "parameter " + PropertyNames.PRIVATE_KEY_FILE);
        add(keys, r.serverPrivateKey, server + " <privateKey>");
        String tomlKey = toml.containsKey("private_key_file") ? toml.get("private_key_file") : toml.get("private_key_path");
        add(keys, tomlKey == null ? null : Path.of(tomlKey), tomlSource + " private_key_file");
        String envKey = env.get("SNOWFLAKE_PRIVATE_KEY_FILE");
        add(keys, envKey == null || envKey.isBlank() ? null : Path.of(envKey), "environment SNOWFLAKE_PRIVATE_KEY_FILE");
        List<Sourced<Secret>> passphrases = new ArrayList<>();
        add(passphrases, r.privateKeyPassphrase, "parameter autosync.privateKeyPassphrase");
        add(passphrases, r.serverPassphrase, server + " <passphrase>");
        add(passphrases, Secret.of(toml.get("private_key_file_pwd")), tomlSource + " private_key_file_pwd");
        add(passphrases, Secret.of(env.get("SNOWFLAKE_PRIVATE_KEY_FILE_PWD")), "environment SNOWFLAKE_PRIVATE_KEY_FILE_PWD");

        Target.Kind kind = kind(r, accounts, toml);
        String account = single("account", accounts, Function.identity());
        String user = single("user", users, Function.identity());
        String role = single("role", roles, Function.identity());
        String warehouse = single("warehouse", warehouses, Function.identity());
        Secret password = once("password", passwords);
        Path key = once("private key", keys);
        Secret passphrase = once("private key passphrase", passphrases);
        if (password != null && key != null) {
            problems.add("both a password (" + source(passwords) + ") and a private key (" + source(keys)
                    + ") are configured. Use one: remove the password for key-pair authentication, or the key.");
        }
        if (key != null) {
            checkKey(key, passphrase, source(keys));
        }

        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, Secret> secrets = new LinkedHashMap<>();
        String url = null;
        LoginPolicy policy = null;
        if (kind == Target.Kind.SNOWFLAKE) {
            url = snowflakeUrl(r, account, toml);
            if (url != null && account != null) {
                settings.put("account", account.replaceFirst("(?i)\\.snowflakecomputing\\.com$", ""));
            }
            if (user == null) {
                problems.add("no Snowflake user is configured. Set " + PropertyNames.USER + " (or SNOWFLAKE_USER, a settings.xml "
                        + "server with " + PropertyNames.SERVER_ID + ", or a connections.toml entry with " + PropertyNames.CONNECTION_NAME + ").");
            }
            if (password == null && key == null && !toml.containsKey("authenticator")) {
                problems.add("no Snowflake credential is configured. Give a password (a settings.xml server's <password>, "
                        + "SNOWFLAKE_PASSWORD or connections.toml) or a private key file (" + PropertyNames.PRIVATE_KEY_FILE + ", "
                        + "SNOWFLAKE_PRIVATE_KEY_FILE).");
            }
            settings.put("application", "autosync");
            if (toml.containsKey("authenticator") && key == null && password == null) {
                settings.put("authenticator", toml.get("authenticator"));
            }
        } else {
            policy = localPolicy(r);
        }
        if (!problems.isEmpty()) {
            throw new InvalidConnectionException(problems);
        }
        if (user != null) {
            settings.put("user", user);
        }
        if (role != null) {
            settings.put("role", role);
        }
        if (warehouse != null) {
            settings.put("warehouse", warehouse);
        }
        if (r.database != null) {
            settings.put("db", r.database);
        }
        if (r.schema != null) {
            settings.put("schema", r.schema);
        }
        if (password != null) {
            secrets.put("password", password);
        }
        if (key != null) {
            settings.put("authenticator", SNOWFLAKE_JWT);
            settings.put("private_key_file", key.toAbsolutePath().toString());
            if (passphrase != null) {
                secrets.put("private_key_pwd", passphrase);
            }
        }
        return new Target(kind, url, settings, secrets, kind == Target.Kind.LOCAL ? r.localDataDir : null, policy, sources);
    }

    private Target.Kind kind(ConnectionRequest r, List<Sourced<String>> accounts, Map<String, String> toml) {
        if (r.target != null) {
            switch (r.target.toLowerCase(Locale.ROOT)) {
                case "local":
                    return Target.Kind.LOCAL;
                case "snowflake":
                    if (r.jdbcUrl == null && accounts.isEmpty() && !toml.containsKey("host")) {
                        problems.add(PropertyNames.TARGET + " is snowflake but no account is configured. Set " + PropertyNames.ACCOUNT + " "
                                + "(or SNOWFLAKE_ACCOUNT, " + PropertyNames.CONNECTION_NAME + ", " + PropertyNames.JDBC_URL + ").");
                    }
                    return Target.Kind.SNOWFLAKE;
                default:
                    problems.add(PropertyNames.TARGET + " is '" + r.target + "'; use local or snowflake.");
                    return Target.Kind.LOCAL;
            }
        }
        boolean snowflake = r.jdbcUrl != null || !accounts.isEmpty() || r.connectionName != null || r.serverId != null;
        return snowflake ? Target.Kind.SNOWFLAKE : Target.Kind.LOCAL;
    }

    private String snowflakeUrl(ConnectionRequest r, String account, Map<String, String> toml) {
        if (r.jdbcUrl != null) {
            if (!r.jdbcUrl.startsWith("jdbc:snowflake://")) {
                problems.add(PropertyNames.JDBC_URL + " must start with jdbc:snowflake:// (it is '" + r.jdbcUrl.replaceAll("(?i)(password|pwd)=[^&;]*", "$1=****") + "').");
                return null;
            }
            if (r.jdbcUrl.matches("(?i).*[?&;](password|private_key_pwd|private_key_file_pwd)=.*")) {
                problems.add(PropertyNames.JDBC_URL + " carries a password; give it in a settings.xml server or SNOWFLAKE_PASSWORD "
                        + "instead, so it stays out of the POM and the logs.");
            }
            sources.add("URL from parameter " + PropertyNames.JDBC_URL);
            return r.jdbcUrl;
        }
        String host = toml.get("host");
        if (host == null && account != null) {
            if (!account.matches("[A-Za-z0-9._-]+")) {
                problems.add("the account '" + account + "' is not an account identifier (letters, digits, '-', '_' "
                        + "and '.', e.g. myorg-myaccount).");
                return null;
            }
            host = account.toLowerCase(Locale.ROOT).endsWith(".snowflakecomputing.com") ? account
                    : account + ".snowflakecomputing.com";
        }
        return host == null ? null : "jdbc:snowflake://" + host + "/";
    }

    private LoginPolicy localPolicy(ConnectionRequest r) {
        if (r.emulatorUser == null) {
            if (r.emulatorPublicKeyFile != null || r.emulatorPassword != null) {
                problems.add((r.emulatorPublicKeyFile != null ? PropertyNames.EMULATOR_PUBLIC_KEY_FILE : "AUTOSYNC_EMULATOR_PASSWORD")
                        + " is set but " + PropertyNames.EMULATOR_USER + " is not: name the one user the emulator accepts, or remove it.");
            }
            return LoginPolicy.anyone();
        }
        PublicKey pub = null;
        if (r.emulatorPublicKeyFile != null) {
            try {
                String pem = Files.readString(r.emulatorPublicKeyFile, StandardCharsets.US_ASCII);
                String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
                pub = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(b64)));
            } catch (IOException | java.security.GeneralSecurityException | IllegalArgumentException e) {
                problems.add(PropertyNames.EMULATOR_PUBLIC_KEY_FILE + " " + r.emulatorPublicKeyFile + " is not a PEM RSA public key ("
                        + e.getClass().getSimpleName() + ").");
            }
        }
        return new LoginPolicy(r.emulatorUser, r.emulatorPassword == null ? null : r.emulatorPassword.reveal(), pub);
    }

    private void checkKey(Path key, Secret passphrase, String source) {
        if (!Files.isRegularFile(key)) {
            problems.add("the private key file " + key + " (" + source + ") does not exist.");
            return;
        }
        try {
            String head = Files.readString(key, StandardCharsets.US_ASCII);
            if (head.contains("ENCRYPTED PRIVATE KEY") && passphrase == null) {
                problems.add("the private key " + key + " is encrypted; give its passphrase (autosync.privateKeyPassphrase, "
                        + "a settings.xml server's <passphrase> or SNOWFLAKE_PRIVATE_KEY_FILE_PWD).");
            } else if (!head.contains("PRIVATE KEY-----")) {
                problems.add("the private key file " + key + " is not a PEM private key (it should start with "
                        + "-----BEGIN PRIVATE KEY----- or -----BEGIN ENCRYPTED PRIVATE KEY-----).");
            }
        } catch (IOException e) {
            problems.add("the private key file " + key + " cannot be read: " + e.getMessage());
        }
    }

    private static <T> void add(List<Sourced<T>> list, T value, String source) {
        if (value != null && source != null && !(value instanceof String s && s.isBlank())) {
            list.add(new Sourced<>(value, source));
        }
    }

    /** A non-secret setting: several sources are fine when they agree. */
    private <T> T single(String what, List<Sourced<T>> values, Function<T, String> show) {
        if (values.isEmpty()) {
            return null;
        }
        T first = values.get(0).value();
        for (Sourced<T> v : values) {
            if (!v.value().toString().equalsIgnoreCase(first.toString())) {
                problems.add("the " + what + " is '" + show.apply(first) + "' (" + values.get(0).source() + ") but '"
                        + show.apply(v.value()) + "' (" + v.source() + "). Configure it in one place.");
                return first;
            }
        }
        sources.add(what + " from " + values.get(0).source());
        return first;
    }

    /** A credential: exactly one source, or it is refused. */
    private <T> T once(String what, List<Sourced<T>> values) {
        if (values.size() > 1) {
            List<String> where = values.stream().map(Sourced::source).toList();
            problems.add("the " + what + " is given " + values.size() + " times (" + String.join(", ", where)
                    + "). Give it once, so it is clear which one is used.");
        }
        if (values.isEmpty()) {
            return null;
        }
        sources.add(what + " from " + values.get(0).source());
        return values.get(0).value();
    }

    private static String source(List<? extends Sourced<?>> values) {
        return values.isEmpty() ? "" : values.get(0).source();
    }
}
