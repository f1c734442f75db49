package io.sessionfriction.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Sums the Surefire reports under a folder: tests run, failed and skipped, and each skipped test with its
 * reason, so a skip is never silent. The build prints it after the last module's tests; {@code .ci/run}
 * also runs it with {@code --expect-all-skipped}, which fails unless tests ran and every one was skipped.
 * <p>Usage: {@code TestReports DIR [--expect-all-skipped]}
 */
public final class TestReports {

    private TestReports() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        boolean expectAllSkipped = args.length > 1 && args[1].equals("--expect-all-skipped");
        int tests = 0;
        int failed = 0;
        List<String> skipped = new ArrayList<>();
        for (Path report : reports(root)) {
            Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile())
                    .getDocumentElement();
            tests += Integer.parseInt(suite.getAttribute("tests"));
            failed += Integer.parseInt(suite.getAttribute("failures")) + Integer.parseInt(suite.getAttribute("errors"));
            NodeList cases = suite.getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element testCase = (Element) cases.item(i);
                NodeList skip = testCase.getElementsByTagName("skipped");
                if (skip.getLength() > 0) {
                    skipped.add(testCase.getAttribute("classname") + "." + testCase.getAttribute("name") + ": "
                            + reason((Element) skip.item(0)));
                }
            }
        }
        System.out.printf("Tests in %s: %d run, %d passed, %d failed, %d skipped%n", root.toAbsolutePath().normalize(),
                tests, tests - failed - skipped.size(), failed, skipped.size());
        skipped.forEach(line -> System.out.println("  skipped " + line));
        if (expectAllSkipped && (tests == 0 || skipped.size() != tests)) {
            throw new IllegalStateException("expected every selected test to be skipped, and at least one selected");
        }
    }

    /** Each module's Surefire reports ({@code <module>/target/surefire-reports/TEST-*.xml}). */
    private static List<Path> reports(Path root) throws IOException {
        List<Path> reports = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path folder : modules.map(module -> module.resolve("target/surefire-reports")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.list(folder)) {
                    files.filter(file -> file.getFileName().toString().matches("TEST-.*\\.xml")).forEach(reports::add);
                }
            }
        }
        return reports.stream().sorted().toList();
    }

    /** The skip's message, else the first line of its text (an assumption's "Assumption failed: ..."). */
    private static String reason(Element skip) {
        String message = skip.getAttribute("message");
        if (!message.isBlank()) {
            return message.strip();
        }
        String text = skip.getTextContent().strip();
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).replaceFirst("^org\\.opentest4j\\.TestAbortedException: ", "");
    }
}
