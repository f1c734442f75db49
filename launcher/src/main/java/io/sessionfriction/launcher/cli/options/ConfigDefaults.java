package io.sessionfriction.launcher.cli.options;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One rule for every option, so no option is declared twice: a flag {@code --bootstrap-servers} may also
 * come from the environment variable {@code SESSION_FRICTION_BOOTSTRAP_SERVERS} or from the key
 * {@code bootstrap-servers} in the properties file named by {@code --config} (or
 * {@code SESSION_FRICTION_CONFIG}). Precedence: flag, then environment, then file, then the declared default.
 */
public final class ConfigDefaults implements IDefaultValueProvider {

    public static final String ENV_PREFIX = "SESSION_FRICTION_";
    public static final String CONFIG_OPTION = "--config";

    private final Map<String, String> environment;
    private final Properties file;

    ConfigDefaults(Map<String, String> environment, Properties file) {
        this.environment = Map.copyOf(environment);
        this.file = file;
    }

    /** Reads the config file named on the command line or in the environment, if any. */
    public static ConfigDefaults fromEnvironmentAndArgs(Map<String, String> environment, String[] args) {
        String configPath = environment.get(envName(CONFIG_OPTION));
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(CONFIG_OPTION) && i + 1 < args.length) {
                configPath = args[i + 1];
            } else if (args[i].startsWith(CONFIG_OPTION + "=")) {
                configPath = args[i].substring(CONFIG_OPTION.length() + 1);
            }
        }
        return new ConfigDefaults(environment, configPath == null ? new Properties() : load(Path.of(configPath)));
    }

    /** {@code --bootstrap-servers} becomes {@code SESSION_FRICTION_BOOTSTRAP_SERVERS}. */
    public static String envName(String longOption) {
        return ENV_PREFIX + longOption.replaceFirst("^-+", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option)) {
            return null;
        }
        String name = option.longestName();
        String fromEnv = environment.get(envName(name));
        if (fromEnv != null) {
            return fromEnv;
        }
        return file.getProperty(name.replaceFirst("^-+", ""));
    }

    private static Properties load(Path path) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(path)) {
            props.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read config file " + path + ": " + e.getMessage(), e);
        }
        return props;
    }
}
