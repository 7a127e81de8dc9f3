package org.campaignledger.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The repository stands alone: every DOMAIN citation in the code resolves inside {@code docs/domain/}, and the
 * as-built pages there (written by {@code docs/domain/build.py}) agree with the code about which commands, events
 * and rules exist. A new rule id, command or event fails here until the pages are rebuilt.
 */
class DomainDocsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path DOCS = ROOT.resolve("docs/domain");
    private static final List<String> MODULES =
            List.of("shared-kernel", "shared-web", "command-service", "query-service", "infra");
    private static final Pattern RULE_ID = Pattern.compile("R-[A-Z]+-[0-9A-Z]+(?:-[A-Z0-9]+)*[a-z]?");
    private static final Pattern SECTION_CITATION = Pattern.compile("§\\s?(\\d+(?:\\.\\d+)*)");
    private static final Pattern ERRATA_CITATION =
            Pattern.compile("(?i:errata)\\s+((?:[BIM]\\d+)(?:\\s*(?:,|and)\\s*[BIM]\\d+)*)");
    private static final Pattern PAGE_ROW = Pattern.compile("^\\| (R-[A-Z0-9-]+[a-z]?) \\|(?:[^|\\n]*\\|)*? (yes|not yet) \\|",
            Pattern.MULTILINE);

    private static String code;
    private static String pages;
    private static String domain;
    private static String errata;

    @BeforeAll
    static void read() {
        code = MODULES.stream().map(m -> ROOT.resolve(m).resolve("src/main/java"))
                .flatMap(DomainDocsTest::javaFiles).map(DomainDocsTest::text).collect(Collectors.joining("\n"));
        try (Stream<Path> files = Files.list(DOCS)) {
            pages = files.filter(p -> p.toString().endsWith(".md")).sorted().map(DomainDocsTest::text)
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        domain = text(DOCS.resolve("reference/DOMAIN.md"));
        errata = text(DOCS.resolve("reference/DOMAIN-ERRATA.md"));
    }

    @Test
    void every_section_the_code_cites_is_a_heading_of_the_reference() {
        Set<String> missing = new TreeSet<>();
        Matcher m = SECTION_CITATION.matcher(code);
        while (m.find()) {
            String section = m.group(1);
            if (!Pattern.compile("^#{2,4} " + Pattern.quote(section) + "[ .]", Pattern.MULTILINE).matcher(domain).find()) {
                missing.add(section);
            }
        }
        assertThat(missing).as("§ cited in code but not a heading of docs/domain/reference/DOMAIN.md").isEmpty();
    }

    @Test
    void every_errata_entry_the_code_cites_exists() {
        Set<String> missing = new TreeSet<>();
        Matcher m = ERRATA_CITATION.matcher(code);
        while (m.find()) {
            Matcher entry = Pattern.compile("[BIM]\\d+").matcher(m.group(1));
            while (entry.find()) {
                if (!errata.contains("### " + entry.group() + ". ") && !errata.contains("**" + entry.group() + ".**")) {
                    missing.add(entry.group());
                }
            }
        }
        assertThat(missing).as("errata entries cited in code but absent from DOMAIN-ERRATA.md").isEmpty();
    }

    @Test
    void the_pages_say_which_rules_the_code_enforces_and_know_every_rule_it_names() {
        Set<String> inCode = ids(RULE_ID.matcher(code));
        Set<String> documented = new TreeSet<>();
        Set<String> markedBuilt = new TreeSet<>();
        Matcher row = PAGE_ROW.matcher(pages);
        while (row.find()) {
            documented.add(row.group(1));
            if (row.group(2).equals("yes")) {
                markedBuilt.add(row.group(1));
            }
        }
        assertThat(inCode).as("rule ids named in code but on no page of docs/domain (run docs/domain/build.py)")
                .isSubsetOf(documented);
        assertThat(markedBuilt).as("rules whose 'In code' column disagrees with the code (run docs/domain/build.py)")
                .isEqualTo(inCode.stream().filter(documented::contains).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void every_command_and_event_is_on_the_page_of_its_stage() {
        Set<String> missing = new TreeSet<>();
        Stream.concat(Catalog.commands().keySet().stream(), Catalog.events().keySet().stream())
                .filter(name -> !pages.contains("`" + name + "`")).forEach(missing::add);
        assertThat(missing).as("commands or events missing from docs/domain (run docs/domain/build.py)").isEmpty();
    }

    private static Set<String> ids(Matcher m) {
        Set<String> ids = new TreeSet<>();
        while (m.find()) {
            ids.add(m.group());
        }
        return ids;
    }

    private static Stream<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
