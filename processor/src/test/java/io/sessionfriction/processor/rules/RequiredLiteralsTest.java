package io.sessionfriction.processor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sessionfriction.testsupport.SharedData;

class RequiredLiteralsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachAlternativeGivesItsLongestRequiredRunLowerCased() {
        assertThat(RequiredLiterals.of("ModuleNotFoundError|No module named|\\bEACCES\\b"))
                .contains(List.of("modulenotfounderror", "no module named", "eacces"));
    }

    @Test
    void optionalCharactersAndGroupsLeaveTheRunAndARequiredGroupLendsItsAlternatives() {
        assertThat(RequiredLiterals.of("(token|credentials?) (has |have )?expired")).contains(List.of("expired"));
        assertThat(RequiredLiterals.of("\\b40[13]\\b.{0,20}(unauthori[sz]ed|forbidden)")).contains(List.of("unauthori", "forbidden"));
        assertThat(RequiredLiterals.of("permission denied(?!:\\s*$)|access (is )?denied")).contains(List.of("permission denied", "access "));
        assertThat(RequiredLiterals.of("some files(/attrs)? (were|could) not")).contains(List.of("some files"));
    }

    @Test
    void anAlternativeWithoutALiteralLongEnoughLeavesTheRegexUngated() {
        assertThat(RequiredLiterals.of("\\S")).isEmpty();
        assertThat(RequiredLiterals.of("^true$")).contains(List.of("true"));
        assertThat(RequiredLiterals.of("timed out|^ok$")).isEmpty();
        assertThat(RequiredLiterals.of("[0-9]+ failures?|x{2}")).isEmpty();
    }

    @Test
    void whatThisReadingDoesNotUnderstandLeavesTheRegexUngated() {
        assertThat(RequiredLiterals.of("(?x) spaced out")).isEmpty();
        assertThat(RequiredLiterals.of("\\x41BCDEF")).isEmpty();
        assertThat(RequiredLiterals.of("\\Qa.b\\E")).isEmpty();
        assertThat(RequiredLiterals.of("\\p{Lu}ppercase")).isEmpty();
    }

    @Test
    void mostShippedRegexesAreGated() {
        List<RuleRegex> regexes = shippedRegexes();

        assertThat(regexes.stream().filter(regex -> !regex.literals().isEmpty()).count())
                .as("gated of %d", regexes.size()).isGreaterThanOrEqualTo(regexes.size() / 2);
    }

    @Test
    @Tag(SharedData.TAG)
    void noStringOfTheRealTranscriptsThatAShippedRegexMatchesIsRejectedByItsLiterals() throws IOException {
        List<String> strings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SharedData.realSessions())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    collectStrings(parse(line), strings);
                }
            }
        }
        assertNoneRejected(strings);
    }

    @Test
    void noStringOfTheSamplesNorItsUpperCaseThatAShippedRegexMatchesIsRejectedByItsLiterals() throws IOException {
        List<String> strings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("../samples/sessions"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    collectStrings(parse(line), strings);
                }
            }
        }
        strings.addAll(strings.stream().map(s -> s.toUpperCase(Locale.ROOT)).toList());
        assertNoneRejected(strings);
    }

    private static void assertNoneRejected(List<String> strings) {
        long matched = 0;
        for (RuleRegex regex : shippedRegexes()) {
            if (regex.literals().isEmpty()) {
                continue;
            }
            for (String text : strings) {
                if (regex.pattern().matcher(text).find()) {
                    matched++;
                    String folded = text.toLowerCase(Locale.ROOT);
                    assertThat(regex.literals().stream().anyMatch(folded::contains))
                            .as("%s matches %.80s", regex, text).isTrue();
                }
            }
        }
        assertThat(matched).as("matches checked").isPositive();
    }

    private static List<RuleRegex> shippedRegexes() {
        List<RuleRegex> regexes = new ArrayList<>();
        for (Rule rule : RuleCatalogue.defaults().rules()) {
            for (MatchClause clause : rule.match()) {
                regexes.add(clause.regex());
                Stream.concat(clause.when().stream(), clause.unless().stream()).forEach(c -> regexes.add(c.regex()));
            }
        }
        assertThat(regexes).allMatch(regex -> regex.pattern().flags() == (Pattern.CASE_INSENSITIVE | Pattern.MULTILINE));
        return regexes;
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException malformed) {
            return JSON.missingNode();
        }
    }

    private static void collectStrings(JsonNode node, List<String> strings) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            strings.add(node.asText());
        }
        node.forEach(child -> collectStrings(child, strings));
    }
}
