package io.sessionfriction.launcher.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import io.sessionfriction.launcher.cli.options.HttpOptions;
import picocli.CommandLine;

/**
 * {@code --http-port}: the command's default when absent, {@code 0} turns the endpoint off, a bad port names the
 * option. {@code --http-bind}: this host only unless told otherwise.
 */
class HttpPortOptionTest {

    @Test
    void absentMeansTheCommandsDefault() {
        assertThat(parse().port(HttpOptions.COLLECT_DEFAULT_PORT)).isEqualTo(OptionalInt.of(8081));
        assertThat(parse().port(HttpOptions.PROCESS_DEFAULT_PORT)).isEqualTo(OptionalInt.of(8080));
    }

    @Test
    void zeroTurnsTheEndpointOff() {
        assertThat(parse("--http-port", "0").port(HttpOptions.PROCESS_DEFAULT_PORT)).isEmpty();
    }

    @Test
    void aValueOutsideThePortRangeNamesTheOption() {
        assertThatThrownBy(() -> parse("--http-port", "70000").port(HttpOptions.PROCESS_DEFAULT_PORT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--http-port: 70000 is not a port");
    }

    @Test
    void theEndpointListensOnThisHostOnlyUnlessAnAddressIsGiven() {
        assertThat(parse().bind()).isEqualTo("127.0.0.1");
        assertThat(parse("--http-bind", "0.0.0.0").bind()).isEqualTo("0.0.0.0");
    }

    @Test
    void anAddressThatDoesNotResolveNamesTheOption() {
        assertThatThrownBy(() -> parse("--http-bind", "no-such-host.invalid").bind())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--http-bind: 'no-such-host.invalid' is not an address of this host");
    }

    private static HttpOptions parse(String... args) {
        HttpOptions options = new HttpOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }
}
