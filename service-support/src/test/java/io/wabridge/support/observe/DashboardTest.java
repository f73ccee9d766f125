package io.wabridge.support.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.model.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard in {@code deploy/grafana} is well-formed and shows only documented wabridge meters. */
class DashboardTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern SERIES = Pattern.compile("wabridge_[a-z_]+");

    @Test
    void dashboardIsWellFormedGrafanaJsonWithAPrometheusDatasourceVariable() throws IOException {
        JsonNode dashboard = Json.mapper().readTree(Files.readAllBytes(ROOT.resolve("deploy/grafana/wabridge.json")));

        assertThat(dashboard.path("title").asText()).isEqualTo("wabridge");
        assertThat(dashboard.path("templating").path("list").get(0).path("query").asText()).isEqualTo("prometheus");
        assertThat(dashboard.path("panels").size()).isGreaterThan(10);
        dashboard.path("panels").forEach(panel -> {
            if (!panel.path("type").asText().equals("row")) {
                assertThat(panel.path("targets").size()).as(panel.path("title").asText()).isPositive();
                assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
            }
        });
    }

    @Test
    void everyWabridgeSeriesOnTheDashboardIsDocumented() throws IOException {
        String dashboard = Files.readString(ROOT.resolve("deploy/grafana/wabridge.json"));
        String docs = Files.readString(ROOT.resolve("docs/metrics.md"));

        Set<String> undocumented = new TreeSet<>();
        Matcher series = SERIES.matcher(dashboard);
        while (series.find()) {
            String meter = series.group().replaceAll("_(seconds_bucket|seconds_count|seconds|total)$", "").replace('_', '.');
            if (!docs.replace('-', '.').contains("`" + meter + "`")) {
                undocumented.add(series.group());
            }
        }
        assertThat(undocumented).isEmpty();
    }
}
