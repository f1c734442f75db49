package io.sessionfriction.replay.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sessionfriction.processor.rules.RuleCatalogue;

/**
 * report.html drawn by a real browser, offline: headless Chromium (Debian's {@code chromium}) takes a
 * screenshot, and the charts' bar colours must be on it. Skipped, with the reason, where Chromium is not
 * installed ({@code apt-get install -y chromium}); docs/replay-and-report.md describes the manual check.
 */
class ReportRendersInChromiumTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final int HIGH_IMPACT_RED = 0xd62728;
    private static final int ACTIVE_BLUE = 0x1f5fa8;
    private static final int WALL_CLOCK_GREY = 0xcfd8e3;

    @TempDir
    Path report;

    @TempDir
    Path profile;

    @Test
    void theChartsAreDrawnByHeadlessChromiumWithoutNetwork() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM
                + " (apt-get install -y chromium); the rendering check is skipped");
        FrictionReport.of(ReplayFixtures.sample(), RuleCatalogue.defaults(), DraftPolicy.DEFAULT).write(report);
        Path png = report.resolve("report.png");

        Process chromium = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--screenshot=" + png, "--window-size=1400,2000",
                report.resolve(FrictionReport.HTML_FILE).toUri().toString()))
                .redirectErrorStream(true).redirectOutput(report.resolve("chromium.log").toFile()).start();
        boolean exited = chromium.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            chromium.destroyForcibly();
        }

        assertThat(exited).as("chromium finished within 90 s").isTrue();
        assertThat(png).as(Files.readString(report.resolve("chromium.log"))).isRegularFile();
        assertThat(colours(ImageIO.read(png.toFile()))).contains(HIGH_IMPACT_RED, ACTIVE_BLUE, WALL_CLOCK_GREY);
    }

    private static Set<Integer> colours(BufferedImage image) throws IOException {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                seen.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return seen;
    }
}
