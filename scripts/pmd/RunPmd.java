/*
 * Runs PMD 7 over Apex sources through its Java API, because the jars we have (from
 * @salesforce/code-analyzer-pmd-engine) hold no pmd-cli. Java 17 runs this single file directly:
 *
 *   java -cp '<java-lib>/*' scripts/pmd/RunPmd.java --ruleset <xml> [--sarif <file>] <path>...
 *
 * Prints one JSON object per line on stdout for scripts/scan-apex.ts to judge:
 *   {"kind":"rules","total":N,"appExchange":M}        rules loaded, and how many AppExchange rules among them
 *   {"kind":"violation","file":..,"line":..,"rule":..,"priority":..,"message":..}
 *   {"kind":"error","file":..,"message":..}           a file PMD could not analyse (a parse error)
 * Exit 0 after an analysis (whatever it found), 2 when the configuration is broken: a ruleset that does
 * not load, or an AppExchange rule missing from the loaded rules (so the gate never passes vacuously).
 */
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import net.sourceforge.pmd.PMDConfiguration;
import net.sourceforge.pmd.PmdAnalysis;
import net.sourceforge.pmd.lang.LanguageRegistry;
import net.sourceforge.pmd.lang.rule.Rule;
import net.sourceforge.pmd.lang.rule.RulePriority;
import net.sourceforge.pmd.lang.rule.RuleSet;
import net.sourceforge.pmd.lang.rule.RuleSetLoader;
import net.sourceforge.pmd.renderers.Renderer;
import net.sourceforge.pmd.renderers.RendererFactory;
import net.sourceforge.pmd.reporting.Report;
import net.sourceforge.pmd.reporting.RuleViolation;
import net.sourceforge.pmd.util.log.PmdReporter;
import org.slf4j.event.Level;

public class RunPmd {
    private static final String APPEXCHANGE = "sfca/rulesets/AppExchange_apex.xml";
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    public static void main(String[] args) throws IOException {
        String ruleset = null;
        Path sarif = null;
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--ruleset" -> ruleset = args[++i];
                case "--sarif" -> sarif = Path.of(args[++i]);
                default -> inputs.add(Path.of(args[i]));
            }
        }
        if (ruleset == null || inputs.isEmpty()) {
            System.err.println("usage: RunPmd --ruleset <xml> [--sarif <file>] <path>...");
            System.exit(2);
        }

        PMDConfiguration config = new PMDConfiguration();
        StderrReporter reporter = new StderrReporter();
        config.setReporter(reporter);
        config.addRuleSet(ruleset);
        config.setMinimumPriority(RulePriority.LOW);
        config.setIgnoreIncrementalAnalysis(true);
        // Only Apex: the other language modules on the classpath would otherwise parse every XML and JS file.
        config.setOnlyRecognizeLanguage(LanguageRegistry.PMD.getLanguageById("apex"));
        inputs.forEach(config::addInputPath);

        Writer sarifWriter = null;
        try (PmdAnalysis pmd = PmdAnalysis.create(config)) {
            if (reporter.numErrors() > 0 || pmd.getRulesets().isEmpty()) {
                System.exit(2);
            }
            int total = pmd.getRulesets().stream().mapToInt(RuleSet::size).sum();
            int appExchange = countLoaded(pmd.getRulesets(), new RuleSetLoader().loadFromResource(APPEXCHANGE));
            OUT.println("{\"kind\":\"rules\",\"total\":" + total + ",\"appExchange\":" + appExchange + "}");
            if (appExchange == 0) {
                System.exit(2);
            }
            if (sarif != null) {
                Renderer renderer = RendererFactory.createRenderer("sarif", new Properties());
                sarifWriter = Files.newBufferedWriter(sarif, StandardCharsets.UTF_8);
                renderer.setWriter(sarifWriter);
                pmd.addRenderer(renderer);
            }
            Report report = pmd.performAnalysisAndCollectReport();
            for (RuleViolation v : report.getViolations()) {
                OUT.println("{\"kind\":\"violation\",\"file\":" + json(v.getFileId().getAbsolutePath())
                        + ",\"line\":" + v.getBeginLine()
                        + ",\"rule\":" + json(v.getRule().getName())
                        + ",\"priority\":" + v.getRule().getPriority().getPriority()
                        + ",\"message\":" + json(v.getDescription()) + "}");
            }
            for (Report.ProcessingError e : report.getProcessingErrors()) {
                OUT.println("{\"kind\":\"error\",\"file\":" + json(e.getFileId().getAbsolutePath())
                        + ",\"message\":" + json(rootCause(e.getError())) + "}");
            }
            for (Report.ConfigurationError e : report.getConfigurationErrors()) {
                System.err.println("PMD rule " + e.rule().getName() + " is misconfigured: " + e.issue());
                System.exit(2);
            }
        } finally {
            if (sarifWriter != null) {
                sarifWriter.close();
            }
        }
    }

    /** The innermost cause: PMD's own message ("Failed to translate") does not say what it could not parse. */
    private static String rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == error ? String.valueOf(error.getMessage()) : error.getMessage() + " (" + cause + ")";
    }

    /** How many rules of the reference ruleset are among the loaded rules (matched by rule name). */
    private static int countLoaded(List<RuleSet> loaded, RuleSet reference) {
        Set<String> names = new HashSet<>();
        loaded.forEach(rs -> rs.getRules().forEach(r -> names.add(r.getName())));
        int count = 0;
        for (Rule r : reference.getRules()) {
            if (names.contains(r.getName())) {
                count++;
            } else {
                System.err.println("AppExchange rule not loaded: " + r.getName());
            }
        }
        return count == reference.size() ? count : 0;
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : (s == null ? "" : s).toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** PMD's default reporter logs to slf4j, which is a no-op here: print warnings and errors instead. */
    private static final class StderrReporter implements PmdReporter {
        private int errors;

        @Override
        public boolean isLoggable(Level level) {
            return level.toInt() >= Level.WARN.toInt();
        }

        @Override
        public void logEx(Level level, String message, Object[] formatArgs, Throwable error) {
            if (!isLoggable(level)) {
                return;
            }
            if (level == Level.ERROR) {
                errors++;
            }
            String text = message == null ? "" : MessageFormat.format(message, formatArgs);
            System.err.println("PMD " + level + ": " + text + (error == null ? "" : " (" + error + ")"));
        }

        @Override
        public int numErrors() {
            return errors;
        }
    }
}
