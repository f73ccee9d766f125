package io.wabridge.support.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wabridge.model.settings.EndpointSettings;
import io.wabridge.model.settings.TestEndpointSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class EndpointsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EndpointsConfiguration.class));

    @Test
    void bindsDataProtectionWhereYamlTurnedOffIntoFalse() {
        context.withPropertyValues(
                        "wabridge.endpoints.plain.phone-number-id=1",
                        "wabridge.endpoints.plain.data-protection.mask-logging=false",
                        "wabridge.endpoints.plain.data-protection.sanitize-input=true",
                        // YAML 1.1 reads an unquoted "transcript: off" as the boolean false.
                        "wabridge.endpoints.plain.data-protection.transcript=false",
                        "wabridge.endpoints.masked.phone-number-id=2",
                        "wabridge.endpoints.masked.data-protection.transcript=masked",
                        "wabridge.endpoints.defaults.phone-number-id=3")
                .run(ctx -> {
                    Endpoints endpoints = ctx.getBean(Endpoints.class);
                    EndpointSettings.DataProtection plain = endpoints.byId("plain").orElseThrow().settings().dataProtection();
                    assertThat(plain.maskLogging()).isFalse();
                    assertThat(plain.sanitizeInput()).isTrue();
                    assertThat(plain.transcript()).isEqualTo(EndpointSettings.TranscriptMode.OFF);
                    assertThat(endpoints.byId("masked").orElseThrow().settings().dataProtection().transcript())
                            .isEqualTo(EndpointSettings.TranscriptMode.MASKED);
                    EndpointSettings.DataProtection defaults = endpoints.byId("defaults").orElseThrow().settings().dataProtection();
                    assertThat(defaults.maskLogging()).isTrue();
                    assertThat(defaults.sanitizeInput()).isFalse();
                    assertThat(defaults.transcript()).isEqualTo(EndpointSettings.TranscriptMode.OFF);
                });
    }

    @Test
    void bindsEndpointsFromPropertiesWithDefaults() {
        context.withPropertyValues(
                        "wabridge.endpoints.demo.phone-number-id=106540352242922",
                        "wabridge.endpoints.demo.access-token=EAAG",
                        "wabridge.endpoints.demo.message-delay=1500ms",
                        "wabridge.endpoints.demo.delivery.ordering=delivered",
                        "wabridge.endpoints.demo.cognigy.url=https://endpoint/abc",
                        "wabridge.whatsapp.graph-url=http://localhost:9999/")
                .run(ctx -> {
                    Endpoint demo = ctx.getBean(Endpoints.class).byPhoneNumberId("106540352242922").orElseThrow();
                    assertThat(demo.id()).isEqualTo("demo");
                    assertThat(demo.settings().accessToken().reveal()).isEqualTo("EAAG");
                    assertThat(demo.settings().messageDelay()).isEqualTo(Duration.ofMillis(1500));
                    assertThat(demo.settings().delivery().ordering()).isEqualTo(EndpointSettings.OrderingMode.DELIVERED);
                    assertThat(demo.settings().session().expiration()).isEqualTo(Duration.ofMinutes(30));
                    assertThat(demo.settings().cognigy().url().reveal()).isEqualTo("https://endpoint/abc");
                    assertThat(ctx.getBean(WhatsAppApiSettings.class).messagesUri("106540352242922"))
                            .hasToString("http://localhost:9999/v25.0/106540352242922/messages");
                });
    }

    @Test
    void refusesTwoEndpointsOnOnePhoneNumber() {
        EndpointSettings a = settings("111");
        assertThatThrownBy(() -> new Endpoints(new EndpointsSettings(Map.of("a", a, "b", settings("111")))))
                .hasMessageContaining("phone-number-id 111 is already used");
    }

    @Test
    void namesTheMissingProperty() {
        assertThatThrownBy(() -> new Endpoints(new EndpointsSettings(Map.of("demo", settings(null)))))
                .hasMessage("wabridge.endpoints.demo.phone-number-id must be set");
    }

    @Test
    void namesTheMissingPropertyAServiceRequires() {
        EndpointSettings blankToken = TestEndpointSettings.number("1").accessToken("t").verifyToken(" ").build();

        assertThatThrownBy(() -> new Endpoints(new EndpointsSettings(Map.of("demo", blankToken)), Set.of(EndpointRequirement.VERIFY_TOKEN)))
                .hasMessage("wabridge.endpoints.demo.verify-token must be set");
        assertThatCode(() -> new Endpoints(new EndpointsSettings(Map.of("demo", blankToken)), Set.of(EndpointRequirement.ACCESS_TOKEN)))
                .doesNotThrowAnyException();
    }

    @Test
    void checksTheRequirementsEveryServiceDeclares() {
        context.withBean("ingressLike", EndpointRequirements.class, () -> EndpointRequirements.of(EndpointRequirement.VERIFY_TOKEN))
                .withBean("egressLike", EndpointRequirements.class, () -> EndpointRequirements.of(EndpointRequirement.ACCESS_TOKEN))
                .withPropertyValues("wabridge.endpoints.demo.phone-number-id=1", "wabridge.endpoints.demo.verify-token=v")
                .run(ctx -> assertThat(ctx).getFailure().rootCause()
                        .hasMessage("wabridge.endpoints.demo.access-token must be set"));
    }

    @Test
    void refusesDurationsNoServiceCanUse() {
        assertThatThrownBy(() -> new Endpoints(one(TestEndpointSettings.number("1").messageDelay(Duration.ofMillis(-1)))))
                .hasMessage("wabridge.endpoints.demo.message-delay must not be negative but was PT-0.001S");
        assertThatThrownBy(() -> new Endpoints(one(TestEndpointSettings.number("1").session(new EndpointSettings.Session(Duration.ofMinutes(-1))))))
                .hasMessage("wabridge.endpoints.demo.session.expiration must not be negative but was PT-1M");
        assertThatThrownBy(() -> new Endpoints(one(TestEndpointSettings.number("1")
                        .delivery(new EndpointSettings.Delivery(EndpointSettings.OrderingMode.DELIVERED, Duration.ZERO, null)))))
                .hasMessage("wabridge.endpoints.demo.delivery.delivered-timeout must be positive but was PT0S");
        assertThatCode(() -> new Endpoints(one(TestEndpointSettings.number("1").session(new EndpointSettings.Session(Duration.ZERO)))))
                .as("0 = a session never expires").doesNotThrowAnyException();
        assertThatThrownBy(() -> new Endpoints(one(TestEndpointSettings.number("1")
                        .humanReplies(new EndpointSettings.HumanReplies(Duration.ofHours(-1), null)))))
                .hasMessage("wabridge.endpoints.demo.human-replies.pause must not be negative but was PT-1H");
        assertThatThrownBy(() -> new Endpoints(one(TestEndpointSettings.number("1")
                        .humanReplies(new EndpointSettings.HumanReplies(null, Duration.ZERO)))))
                .hasMessage("wabridge.endpoints.demo.human-replies.routing-limit must be positive but was PT0S");
        assertThatCode(() -> new Endpoints(one(TestEndpointSettings.number("1")
                        .humanReplies(new EndpointSettings.HumanReplies(Duration.ZERO, null)))))
                .as("0 = echoes never pause").doesNotThrowAnyException();
    }

    @Test
    void refusesANonPositiveCognigyTimeoutAtStartUp() {
        context.withPropertyValues("wabridge.endpoints.demo.phone-number-id=1", "wabridge.endpoints.demo.cognigy.timeout=0s")
                .run(ctx -> assertThat(ctx).getFailure().rootCause()
                        .hasMessage("wabridge.endpoints.demo.cognigy.timeout must be positive but was PT0S"));
    }

    @Test
    void bindsHandoverSettingsAndRefusesAWarningThatComesAfterTheTimeout() {
        context.withPropertyValues("wabridge.endpoints.demo.phone-number-id=1", "wabridge.endpoints.demo.handover.inactivity-timeout=5m",
                        "wabridge.endpoints.demo.handover.inactivity-warning=5m")
                .run(ctx -> assertThat(ctx).getFailure().rootCause()
                        .hasMessage("wabridge.endpoints.demo.handover.inactivity-warning must be shorter than "
                                + "wabridge.endpoints.demo.handover.inactivity-timeout but was PT5M"));
        context.withPropertyValues("wabridge.endpoints.demo.phone-number-id=1", "wabridge.endpoints.demo.handover.cancel-keyword= Stop ",
                        "wabridge.endpoints.demo.handover.texts.agent-joined=", "wabridge.endpoints.demo.handover.inactivity-timeout=10m")
                .run(ctx -> {
                    var handover = ctx.getBean(Endpoints.class).byId("demo").orElseThrow().settings().handover();
                    assertThat(handover.provider()).isEqualTo("kafka");
                    assertThat(handover.isCancelKeyword("stop")).isTrue();
                    assertThat(handover.texts().agentJoined()).as("empty = not sent").isEmpty();
                    assertThat(handover.texts().agentLeft()).isEqualTo("The agent has left the conversation.");
                    assertThat(handover.inactivityTimeout()).isEqualTo(Duration.ofMinutes(10));
                });
    }

    @Test
    void aChatwootNeedsItsTokenAccountInboxAndAWebhookCheckAndBindsFromProperties() {
        String[] complete = {"wabridge.endpoints.demo.phone-number-id=1", "wabridge.endpoints.demo.handover.provider=chatwoot",
                "wabridge.endpoints.demo.handover.chatwoot.base-url=https://chatwoot.example/",
                "wabridge.endpoints.demo.handover.chatwoot.api-access-token=cw", "wabridge.endpoints.demo.handover.chatwoot.account-id=7",
                "wabridge.endpoints.demo.handover.chatwoot.inbox-id=3", "wabridge.endpoints.demo.handover.chatwoot.webhook-secret=s"};
        context.withPropertyValues(complete).run(ctx -> {
            var chatwoot = ctx.getBean(Endpoints.class).byId("demo").orElseThrow().settings().handover().chatwoot();
            assertThat(chatwoot.baseUrl()).isEqualTo("https://chatwoot.example");
            assertThat(chatwoot.apiAccessToken().reveal()).isEqualTo("cw");
            assertThat(chatwoot.accountId()).isEqualTo(7L);
            assertThat(chatwoot.inboxId()).isEqualTo(3L);
            assertThat(chatwoot.timeout()).isEqualTo(Duration.ofSeconds(10));
        });
        context.withPropertyValues("wabridge.endpoints.demo.phone-number-id=1", "wabridge.endpoints.demo.handover.provider=chatwoot")
                .run(ctx -> assertThat(ctx).getFailure().rootCause()
                        .hasMessage("wabridge.endpoints.demo.handover.chatwoot.base-url must be set when the handover provider is chatwoot"));
        context.withPropertyValues(complete).withPropertyValues("wabridge.endpoints.demo.handover.chatwoot.webhook-secret=")
                .run(ctx -> assertThat(ctx).getFailure().rootCause().hasMessageContaining(
                        "wabridge.endpoints.demo.handover.chatwoot.webhook-secret or wabridge.endpoints.demo.handover.chatwoot.webhook-token must be set"));
        context.withPropertyValues(complete).withPropertyValues("wabridge.endpoints.demo.handover.chatwoot.account-id=")
                .run(ctx -> assertThat(ctx).getFailure().rootCause()
                        .hasMessage("wabridge.endpoints.demo.handover.chatwoot.account-id must be set (a positive number)"));
    }

    @Test
    void aTemplateOutsideTheWindowNeedsItsNameAndBindsFromProperties() {
        context.withPropertyValues("wabridge.endpoints.demo.phone-number-id=1", "wabridge.endpoints.demo.service-window.outside=template")
                .run(ctx -> assertThat(ctx).getFailure().rootCause()
                        .hasMessage("wabridge.endpoints.demo.service-window.template.name must be set when "
                                + "wabridge.endpoints.demo.service-window.outside is template"));
        context.withPropertyValues("wabridge.endpoints.demo.phone-number-id=1", "wabridge.endpoints.demo.service-window.outside=template",
                        "wabridge.endpoints.demo.service-window.template.name=reopen", "wabridge.endpoints.demo.edits=ignore")
                .run(ctx -> {
                    EndpointSettings demo = ctx.getBean(Endpoints.class).byId("demo").orElseThrow().settings();
                    assertThat(demo.serviceWindow().template().name()).isEqualTo("reopen");
                    assertThat(demo.serviceWindow().template().language()).isEqualTo("en");
                    assertThat(demo.edits()).isEqualTo(EndpointSettings.UserChange.IGNORE);
                    assertThat(demo.revokes()).isEqualTo(EndpointSettings.UserChange.FORWARD);
                });
    }

    private static EndpointsSettings one(TestEndpointSettings settings) {
        return new EndpointsSettings(Map.of("demo", settings.build()));
    }

    private static EndpointSettings settings(String phoneNumberId) {
        return TestEndpointSettings.number(phoneNumberId).accessToken("t").build();
    }
}
