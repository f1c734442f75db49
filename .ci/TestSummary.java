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
 * Sums the Surefire reports under the given folder: tests run, failed and skipped, and each skipped test
 * with its reason. With --expect-all-skipped, fails unless at least one test ran and every one was skipped.
 * Run as a source file: java .ci/TestSummary.java DIR [--expect-all-skipped]
 */
public final class TestSummary {

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        boolean expectAllSkipped = args.length > 1 && args[1].equals("--expect-all-skipped");
        int tests = 0;
        int failed = 0;
        List<String> skipped = new ArrayList<>();
        for (Path report : reports(root)) {
            Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile()).getDocumentElement();
            tests += Integer.parseInt(suite.getAttribute("tests"));
            failed += Integer.parseInt(suite.getAttribute("failures")) + Integer.parseInt(suite.getAttribute("errors"));
            NodeList cases = suite.getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element testCase = (Element) cases.item(i);
                NodeList skip = testCase.getElementsByTagName("skipped");
                if (skip.getLength() > 0) {
                    skipped.add(testCase.getAttribute("classname") + "." + testCase.getAttribute("name") + ": " + reason((Element) skip.item(0)));
                }
            }
        }
        System.out.printf("Tests: %d run, %d passed, %d failed, %d skipped%n", tests, tests - failed - skipped.size(), failed, skipped.size());
        skipped.forEach(line -> System.out.println("  skipped " + line));
        if (expectAllSkipped && (tests == 0 || skipped.size() != tests)) {
            System.out.println("expected every selected test to be skipped, and at least one selected");
            System.exit(1);
        }
    }

    private static List<Path> reports(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getParent() != null && p.getParent().endsWith("surefire-reports") && p.getFileName().toString().startsWith("TEST-")
                    && p.getFileName().toString().endsWith(".xml")).sorted().toList();
        }
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
