package io.sessionfriction.launcher.cli.options;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One rule for every option, so no option is declared twice: a flag {@code --bootstrap-servers} may also
 * come from the environment variable {@code SESSION_FRICTION_BOOTSTRAP_SERVERS} or from the key
 * {@code bootstrap-servers} in the properties file named by {@code --config} (or
 * {@code SESSION_FRICTION_CONFIG}). Precedence: flag, then environment, then file, then the declared default.
 *
 * <p>A config file that cannot be read, or that holds a key no command has, is a bad value of
 * {@code --config}: {@link #problems} says so, and the command stops before it starts anything. A value from
 * the environment or the file that an option refuses is reported with where it came from ({@link #source}).
 */
public final class ConfigDefaults implements IDefaultValueProvider {

    public static final String ENV_PREFIX = "SESSION_FRICTION_";
    public static final String CONFIG_OPTION = "--config";

    private final Map<String, String> environment;
    private final Optional<Path> path;
    private final Properties file;
    private final Optional<String> unreadable;

    ConfigDefaults(Map<String, String> environment, Optional<Path> path, Properties file, Optional<String> unreadable) {
        this.environment = Map.copyOf(environment);
        this.path = path;
        this.file = file;
        this.unreadable = unreadable;
    }

    ConfigDefaults(Map<String, String> environment, Properties file) {
        this(environment, Optional.empty(), file, Optional.empty());
    }

    /** Reads the config file named on the command line or in the environment, if any. */
    public static ConfigDefaults fromEnvironmentAndArgs(Map<String, String> environment, String[] args) {
        String configPath = flagValue(args, CONFIG_OPTION).orElse(environment.get(envName(CONFIG_OPTION)));
        if (configPath == null) {
            return new ConfigDefaults(environment, new Properties());
        }
        Path path = Path.of(configPath);
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(path)) {
            props.load(reader);
            return new ConfigDefaults(environment, Optional.of(path), props, Optional.empty());
        } catch (NoSuchFileException e) {
            return new ConfigDefaults(environment, Optional.of(path), new Properties(), Optional.of("no such file"));
        } catch (AccessDeniedException e) {
            return new ConfigDefaults(environment, Optional.of(path), new Properties(), Optional.of("permission denied"));
        } catch (IOException | IllegalArgumentException e) {
            return new ConfigDefaults(environment, Optional.of(path), new Properties(), Optional.of("cannot read it: " + e.getMessage()));
        }
    }

    /** The last value {@code args} give {@code longOption}, as {@code --option value} or {@code --option=value}. */
    public static Optional<String> flagValue(String[] args, String longOption) {
        String value = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(longOption) && i + 1 < args.length) {
                value = args[i + 1];
            } else if (args[i].startsWith(longOption + "=")) {
                value = args[i].substring(longOption.length() + 1);
            }
        }
        return Optional.ofNullable(value);
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
        return value(option.longestName()).orElse(null);
    }

    /** The value of {@code longOption} from the environment or the config file, if either has one. */
    public Optional<String> value(String longOption) {
        String fromEnv = environment.get(envName(longOption));
        return Optional.ofNullable(fromEnv != null ? fromEnv : file.getProperty(key(longOption)));
    }

    /** Where a value of {@code option} not given as a flag comes from, if not from its declared default. */
    public Optional<String> source(OptionSpec option) {
        String name = option.longestName();
        if (environment.containsKey(envName(name))) {
            return Optional.of("environment variable " + envName(name));
        }
        return file.containsKey(key(name)) ? path.map(p -> "config file " + p + ", key " + key(name)) : Optional.empty();
    }

    /**
     * What is wrong with the config file: it cannot be read, or it holds keys that are none of {@code options}
     * (every long option of every command: one file may serve several commands).
     */
    public List<String> problems(Collection<String> options) {
        if (unreadable.isPresent()) {
            return List.of(CONFIG_OPTION + " " + path.orElseThrow() + ": " + unreadable.get());
        }
        TreeSet<String> unknown = new TreeSet<>(file.stringPropertyNames());
        options.forEach(option -> unknown.remove(key(option)));
        return unknown.isEmpty() ? List.of() : List.of(CONFIG_OPTION + " " + path.orElseThrow() + ": unknown key"
                + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown) + " (no command has such an option)");
    }

    private static String key(String longOption) {
        return longOption.replaceFirst("^-+", "");
    }
}
