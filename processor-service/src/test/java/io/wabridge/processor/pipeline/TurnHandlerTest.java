package io.wabridge.processor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wabridge.model.EventHeaders;
import io.wabridge.model.EventIds;
import io.wabridge.model.Json;
import io.wabridge.model.Topics;
import io.wabridge.model.event.HandoverEndReason;
import io.wabridge.model.event.HandoverEvent;
import io.wabridge.model.event.HandoverStatus;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.InboundKind;
import io.wabridge.model.event.OutboundMessage;
import io.wabridge.model.event.TranscriptDirection;
import io.wabridge.model.event.TranscriptEntry;
import io.wabridge.model.settings.EndpointSettings;
import io.wabridge.model.settings.TestEndpointSettings;
import io.wabridge.model.state.BotPause;
import io.wabridge.model.state.ConversationState;
import io.wabridge.processor.ResponderEvents;
import io.wabridge.model.state.HandoverState;
import io.wabridge.processor.TestEvents;
import io.wabridge.processor.cognigy.CognigyClient;
import io.wabridge.processor.cognigy.CognigyClientSettings;
import io.wabridge.processor.cognigy.CognigyException;
import io.wabridge.processor.cognigy.CognigyRequest;
import io.wabridge.processor.input.MediaUrlSettings;
import io.wabridge.processor.input.MediaUrls;
import io.wabridge.processor.output.OutputMapper;
import io.wabridge.processor.output.OutputSettings;
import io.wabridge.support.endpoint.Endpoints;
import io.wabridge.support.endpoint.EndpointsSettings;
import io.wabridge.support.endpoint.WhatsAppApiSettings;
import io.wabridge.support.kafka.EventCodec;
import io.wabridge.support.settings.TestSettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import io.wabridge.support.observe.RecordTracing;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** The turn logic without Kafka or HTTP: a scripted Cognigy and hand-made records. */
class TurnHandlerTest {

    private final List<CognigyRequest> requests = new ArrayList<>();
    private List<JsonNode> answer = List.of(Json.mapper().createObjectNode().put("text", "hi"));
    private final EventCodec codec = new EventCodec();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TurnHandler handler = new TurnHandler(endpoints(), new ScriptedCognigy(),
            new MediaUrls(TestSettings.bind(MediaUrlSettings.class), TestSettings.bind(WhatsAppApiSettings.class)),
            new OutputMapper(TestSettings.bind(OutputSettings.class)),
            new OutboundRecords(codec, "out", "in-dlt", "transcripts", Clock.systemUTC(), RecordTracing.noop()), 20, Clock.systemUTC(),
            meters, RecordTracing.noop());

    @Test
    void aMessageAlreadyHandledWritesNothingAndSkipsCognigy() {
        Work work = work(TestEvents.text(TestEvents.PHONE_NUMBER_ID, "u1", "wamid.1", "hi", TestEvents.T0), 7);
        ConversationState state = ConversationState.NEW.afterTurn("s", TestEvents.T0, "wamid.1", 3, 20);

        Turn turn = handler.handle(work, state);

        assertThat(turn.records()).isEmpty();
        assertThat(turn.state()).isNull();
        assertThat(requests).isEmpty();
    }

    @Test
    void aForcedReplayOfAHandledMessageRunsTheTurnAgainAndForcesItsReplies() {
        Work work = work(TestEvents.text(TestEvents.PHONE_NUMBER_ID, "u1", "wamid.1", "hi", TestEvents.T0), 7);
        work.record().headers().add(EventHeaders.REPLAY_FORCE, "true".getBytes(StandardCharsets.UTF_8));
        ConversationState state = ConversationState.NEW.afterTurn("s", TestEvents.T0, "wamid.1", 3, 20);

        Turn turn = handler.handle(work, state);

        assertThat(requests).hasSize(1);
        assertThat(turn.records()).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo("out");
            assertThat(EventCodec.header(record.headers(), EventHeaders.REPLAY_FORCE)).isEqualTo("true");
        });
    }

    @Test
    void aReplyOfAnOrdinaryTurnIsNotForced() {
        Turn turn = handler.handle(work(TestEvents.text(TestEvents.PHONE_NUMBER_ID, "u5", "wamid.5", "hi", TestEvents.T0), 1),
                ConversationState.NEW);

        assertThat(turn.records()).singleElement()
                .satisfies(record -> assertThat(record.headers().lastHeader(EventHeaders.REPLAY_FORCE)).isNull());
    }

    @Test
    void anEnormousOutputFailsTheTurnInsteadOfEveryCommit() {
        answer = List.of(Json.mapper().createObjectNode().set("data", Json.mapper().createObjectNode().set("_whatsapp",
                Json.mapper().createObjectNode().put("type", "document").set("document",
                        Json.mapper().createObjectNode().put("link", "x".repeat(TurnHandler.MAX_RECORD_BYTES))))));
        Work work = work(TestEvents.text(TestEvents.PHONE_NUMBER_ID, "u2", "wamid.2", "hi", TestEvents.T0), 1);

        Turn turn = handler.handle(work, ConversationState.NEW);

        assertThat(turn.records()).hasSize(2);
        assertThat(turn.records().get(0).topic()).isEqualTo("out");
        assertThat(codec.read(asConsumed(turn.records().get(0)), OutboundMessage.class).message().path("text").path("body").asText())
                .isEqualTo(EndpointSettings.Cognigy.DEFAULT_FALLBACK_TEXT);
        assertThat(codec.read(asConsumed(turn.records().get(0)), OutboundMessage.class).outboundId())
                .as("a re-driven success must not reuse the fallback's id").isNotEqualTo(EventIds.outbound(work.event().eventId(), 0));
        assertThat(turn.records().get(1).topic()).isEqualTo("in-dlt");
        assertThat(new String(turn.records().get(1).headers().lastHeader(EventHeaders.FAILURE_REASON).value(), StandardCharsets.UTF_8))
                .isEqualTo("output-too-large");
        assertThat(turn.state().lastOffset()).isEqualTo(1);
    }

    @Test
    void anEventForAnUnknownEndpointIsDeadLettered() {
        Work work = work(TestEvents.text("999", "u3", "wamid.3", "hi", TestEvents.T0), 2);

        Turn turn = handler.handle(work, ConversationState.NEW);

        assertThat(turn.records()).singleElement().satisfies(record -> assertThat(record.topic()).isEqualTo("in-dlt"));
        assertThat(requests).isEmpty();
    }

    @Test
    void whileAnAgentHasTheConversationTheFlowIsNotCalled() {
        Work work = work(TestEvents.text(TestEvents.PHONE_NUMBER_ID, "u4", "wamid.4", "hi", TestEvents.T0), 5);

        Turn turn = handler.handle(work, ConversationState.NEW.withHandover(true));

        assertThat(turn.records()).as("the message for the agent side, on the handover topic")
                .singleElement().satisfies(record -> assertThat(record.topic()).isEqualTo(Topics.HANDOVER));
        assertThat(turn.state().alreadyHandled("wamid.4", 99)).isTrue();
        assertThat(requests).isEmpty();
    }

    @Test
    void aHandoverEndedByTheAgentStaysEndedAndIsReportedWhenTheFlowCannotBeReachedForTheEndInput() {
        HandoverState queued = HandoverState.requested("h1", TestEvents.ENDPOINT, "u9", "kafka", "api", TestEvents.T0, null).queued(null);
        ConversationState state = ConversationState.NEW.afterTurn("s", TestEvents.T0, "wamid.0", 1, 20).withHandoverState(queued);
        answer = null;

        Turn turn = handler.handle(work(handoverCommand("u9", "{\"action\":\"end\",\"status\":\"completed\"}"), 5), state);

        assertThat(requests).singleElement().satisfies(request ->
                assertThat(request.data().path("handover").path("status").asText()).isEqualTo("completed"));
        assertThat(turn.state().handoverState().status()).isEqualTo(HandoverStatus.ENDED);
        assertThat(turn.state().handover()).isFalse();
        assertThat(turn.records()).extracting(ProducerRecord::topic).containsExactly("in-dlt", Topics.HANDOVER);
        HandoverEvent ended = codec.read(asConsumed(turn.records().get(1)), HandoverEvent.class);
        assertThat(ended.reason()).isEqualTo(HandoverEndReason.COMPLETED);
    }

    @Test
    void aTranscriptTurnWritesUserThenBotEntriesWithIdsThatARetryRepeats() {
        InboundEvent event = TestEvents.text("4004", "u6", "wamid.6", "<b>hi</b> <3", TestEvents.T0);

        Turn first = handler.handle(work(event, 1), ConversationState.NEW);
        Turn again = handler.handle(work(event, 1), ConversationState.NEW);

        assertThat(requests).extracting(CognigyRequest::text).containsExactly("hi <3", "hi <3");
        List<TranscriptEntry> entries = first.records().stream().filter(record -> record.topic().equals("transcripts"))
                .map(record -> codec.read(asConsumed(record), TranscriptEntry.class)).toList();
        assertThat(entries).extracting(TranscriptEntry::direction).containsExactly(TranscriptDirection.USER, TranscriptDirection.BOT);
        assertThat(entries).extracting(TranscriptEntry::text).containsExactly("hi <3", "hi");
        assertThat(again.records().stream().filter(record -> record.topic().equals("transcripts"))
                .map(record -> codec.read(asConsumed(record), TranscriptEntry.class).eventId()))
                .containsExactlyElementsOf(entries.stream().map(TranscriptEntry::eventId).toList());
        assertThat(first.records().get(0).topic()).as("replies first, then the transcript").isEqualTo("out");
    }

    @Test
    void aNotifyOutsideTheWindowIsDeadLetteredWithItsReasonAndNothingIsSent() {
        Turn turn = handler.handle(work(notify(TestEvents.PHONE_NUMBER_ID, "u7", "Your parcel", TestEvents.T0), 3),
                ConversationState.NEW.withWindowRenewedBy(TestEvents.T0.minus(Duration.ofHours(25))));

        assertThat(turn.records()).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo("out-dlt");
            assertThat(EventCodec.header(record.headers(), EventHeaders.FAILURE_REASON)).isEqualTo("outside-service-window");
            assertThat(EventCodec.header(record.headers(), EventHeaders.DLT_SOURCE_TOPIC)).isEqualTo("out");
            assertThat(codec.read(asConsumed(record), OutboundMessage.class).message().path("text").path("body").asText())
                    .isEqualTo("Your parcel");
        });
        assertThat(meters.counter("wabridge.processor.service.window.outside", "endpoint", TestEvents.ENDPOINT, "outcome",
                "dead-letter").count()).isEqualTo(1);
    }

    @Test
    void aNotifyInsideTheWindowIsSent() {
        Turn turn = handler.handle(work(notify(TestEvents.PHONE_NUMBER_ID, "u8", "Your parcel", TestEvents.T0), 3),
                ConversationState.NEW.withWindowRenewedBy(TestEvents.T0.minus(Duration.ofHours(23))));

        assertThat(turn.records()).singleElement().satisfies(record -> assertThat(record.topic()).isEqualTo("out"));
    }

    @Test
    void outsideTheWindowAnEndpointWithATemplateSendsItInstead() {
        Turn turn = handler.handle(work(notify("9009", "u9", "Your parcel", TestEvents.T0), 3), ConversationState.NEW);

        assertThat(turn.records()).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo("out");
            OutboundMessage outbound = codec.read(asConsumed(record), OutboundMessage.class);
            assertThat(outbound.message().path("template").path("name").asText()).isEqualTo("reopen");
            assertThat(outbound.message().path("template").path("components").get(0).path("parameters").get(0).path("text")
                    .asText()).isEqualTo("Your parcel");
        });
        assertThat(meters.counter("wabridge.processor.service.window.outside", "endpoint", "templated", "outcome", "template")
                .count()).isEqualTo(1);
    }

    @Test
    void aUserMessageRenewsTheWindowAndAReplyToItIsSent() {
        Turn turn = handler.handle(work(TestEvents.text(TestEvents.PHONE_NUMBER_ID, "u10", "wamid.10", "hi", TestEvents.T0), 1),
                ConversationState.NEW);

        assertThat(turn.records()).singleElement().satisfies(record -> assertThat(record.topic()).isEqualTo("out"));
        assertThat(turn.state().windowOpenUntil()).isEqualTo(TestEvents.T0.plus(Duration.ofHours(24)));
    }

    @Test
    void anEditReachesTheFlowAsAnEditNotAsANewMessageAndDoesNotRenewTheWindow() {
        InboundEvent edit = change("edit", "wamid.e1",
                "{\"original_message_id\":\"wamid.orig\",\"message\":{\"type\":\"text\",\"text\":{\"body\":\"fixed typo\"}}}");

        Turn turn = handler.handle(work(edit, 4), ConversationState.NEW);

        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.text()).isNull();
            assertThat(request.data().path("whatsapp").path("edit").path("originalMessageId").asText()).isEqualTo("wamid.orig");
            assertThat(request.data().path("whatsapp").path("edit").path("text").asText()).isEqualTo("fixed typo");
        });
        assertThat(turn.state().alreadyHandled("wamid.e1", 99)).isTrue();
        assertThat(turn.state().windowOpenUntil()).isNull();
        assertThat(handler.handle(work(edit, 5), turn.state()).records()).as("a redelivery").isEmpty();
        assertThat(requests).hasSize(1);
    }

    @Test
    void aRevokeReachesTheFlowAsARevoke() {
        handler.handle(work(change("revoke", "wamid.r1", "{\"original_message_id\":\"wamid.gone\"}"), 4), ConversationState.NEW);

        assertThat(requests).singleElement().satisfies(request ->
                assertThat(request.data().path("whatsapp").path("revoke").path("messageId").asText()).isEqualTo("wamid.gone"));
    }

    @Test
    void anEndpointThatIgnoresEditsAndRevokesDropsThemAsHandled() {
        Turn edit = handler.handle(work(change("9009", "edit", "wamid.e2", "{\"original_message_id\":\"wamid.o\"}"), 4),
                ConversationState.NEW);
        Turn revoke = handler.handle(work(change("9009", "revoke", "wamid.r2", "{\"original_message_id\":\"wamid.o\"}"), 5),
                edit.state());

        assertThat(requests).isEmpty();
        assertThat(edit.records()).isEmpty();
        assertThat(revoke.records()).isEmpty();
        assertThat(revoke.state().alreadyHandled("wamid.e2", 99)).isTrue();
        assertThat(revoke.state().alreadyHandled("wamid.r2", 99)).isTrue();
    }

    @Test
    void anEchoPausesTheBotForTheEndpointsTimeWithoutReachingTheFlowOrOpeningTheWindow() {
        Turn turn = handler.handle(work(ResponderEvents.echo(TestEvents.PHONE_NUMBER_ID, "h1", "wamid.e1", TestEvents.T0), 1),
                ConversationState.NEW);

        assertThat(turn.records()).isEmpty();
        assertThat(requests).isEmpty();
        assertThat(turn.state().pause()).isEqualTo(new BotPause(BotPause.Cause.HUMAN_REPLY, TestEvents.T0,
                TestEvents.T0.plus(Duration.ofHours(4))));
        assertThat(turn.state().serviceWindowUntil()).as("an echo is not the user's message").isNull();
        assertThat(turn.state().alreadyHandled("wamid.e1", 99)).isTrue();
        assertThat(meters.counter("wabridge.processor.pauses", "cause", "human_reply", "action", "started").count()).isEqualTo(1);
    }

    @Test
    void whilePausedAUserMessageIsDroppedAsHandledWithoutAReplyOrAMarkReadButRenewsTheWindow() {
        ConversationState paused = pausedFor(BotPause.Cause.HUMAN_REPLY, Duration.ofHours(4));
        Instant at = TestEvents.T0.plus(Duration.ofHours(3));

        Turn turn = handler.handle(work(TestEvents.text("2002", "h2", "wamid.h2", "hello?", at), 2), paused);
        Turn unpaused = handler.handle(work(TestEvents.text("2002", "h2b", "wamid.h2b", "hello?", at), 2), ConversationState.NEW);
        assertThat(unpaused.records()).as("this endpoint marks messages read").hasSizeGreaterThan(1);
        requests.clear();

        assertThat(turn.records()).isEmpty();
        assertThat(requests).isEmpty();
        assertThat(turn.state().alreadyHandled("wamid.h2", 99)).isTrue();
        assertThat(turn.state().windowOpenUntil()).isEqualTo(at.plus(Duration.ofHours(24)));
        assertThat(turn.state().pause()).isEqualTo(paused.pause());
        assertThat(meters.counter("wabridge.processor.paused.inputs", "kind", "message", "cause", "human_reply").count()).isEqualTo(1);
    }

    @Test
    void afterThePauseTheFlowAnswersAgain() {
        ConversationState paused = pausedFor(BotPause.Cause.HUMAN_REPLY, Duration.ofHours(4));

        Turn turn = handler.handle(work(TestEvents.text(TestEvents.PHONE_NUMBER_ID, "h3", "wamid.h3", "hi",
                TestEvents.T0.plus(Duration.ofHours(4))), 2), paused);

        assertThat(requests).hasSize(1);
        assertThat(turn.records()).singleElement().satisfies(record -> assertThat(record.topic()).isEqualTo("out"));
    }

    @Test
    void whilePausedANotifyIsDeadLetteredWithTheReasonAndNothingIsSent() {
        ConversationState paused = pausedFor(BotPause.Cause.HUMAN_REPLY, Duration.ofHours(4))
                .withWindowRenewedBy(TestEvents.T0);

        Turn turn = handler.handle(work(notify(TestEvents.PHONE_NUMBER_ID, "h4", "Your parcel", TestEvents.T0.plusSeconds(60)), 2),
                paused);

        assertThat(turn.records()).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo("in-dlt");
            assertThat(EventCodec.header(record.headers(), EventHeaders.FAILURE_REASON)).isEqualTo("conversation-paused");
        });
        assertThat(meters.counter("wabridge.processor.dead.letters", "reason", "conversation-paused").count()).isEqualTo(1);
        assertThat(meters.counter("wabridge.processor.paused.inputs", "kind", "notify", "cause", "human_reply").count()).isEqualTo(1);
    }

    @Test
    void controlTakenPausesUntilControlPassedGivesTheThreadBack() {
        Turn taken = handler.handle(work(ResponderEvents.threadControl(TestEvents.PHONE_NUMBER_ID, "h5", "control_taken",
                TestEvents.T0), 1), ConversationState.NEW);
        Turn passed = handler.handle(work(ResponderEvents.threadControl(TestEvents.PHONE_NUMBER_ID, "h5", "control_passed",
                TestEvents.T0.plus(Duration.ofHours(1))), 2), taken.state());

        assertThat(taken.records()).isEmpty();
        assertThat(taken.state().pause()).isEqualTo(new BotPause(BotPause.Cause.OTHER_APP, TestEvents.T0,
                TestEvents.T0.plus(Duration.ofHours(24))));
        assertThat(passed.records()).isEmpty();
        assertThat(passed.state().pause()).isNull();
        assertThat(requests).isEmpty();
    }

    @Test
    void aStandbyCopyPausesForAnotherAppSendsNothingAndOnlyTheUsersOwnMessageRenewsTheWindow() {
        Turn user = handler.handle(work(ResponderEvents.standby(TestEvents.PHONE_NUMBER_ID, "h6", "wamid.s1", "messages",
                TestEvents.T0), 1), ConversationState.NEW);
        Turn otherApp = handler.handle(work(ResponderEvents.standby(TestEvents.PHONE_NUMBER_ID, "h7", "wamid.s2", "message_echoes",
                TestEvents.T0), 1), ConversationState.NEW);

        assertThat(user.records()).isEmpty();
        assertThat(otherApp.records()).isEmpty();
        assertThat(requests).isEmpty();
        assertThat(user.state().pause().cause()).isEqualTo(BotPause.Cause.OTHER_APP);
        assertThat(user.state().windowOpenUntil()).isEqualTo(TestEvents.T0.plus(Duration.ofHours(24)));
        assertThat(otherApp.state().pause().cause()).isEqualTo(BotPause.Cause.OTHER_APP);
        assertThat(otherApp.state().serviceWindowUntil()).isNull();
    }

    @Test
    void aUsersMessageOnTheRegularFieldEndsAPauseForAnotherAppButNotOneForAPerson() {
        Instant at = TestEvents.T0.plus(Duration.ofHours(1));

        Turn otherApp = handler.handle(work(TestEvents.text(TestEvents.PHONE_NUMBER_ID, "h8", "wamid.h8", "hi", at), 2),
                pausedFor(BotPause.Cause.OTHER_APP, Duration.ofHours(24)));
        Turn person = handler.handle(work(TestEvents.text(TestEvents.PHONE_NUMBER_ID, "h9", "wamid.h9", "hi", at), 2),
                pausedFor(BotPause.Cause.HUMAN_REPLY, Duration.ofHours(4)));

        assertThat(otherApp.records()).singleElement().satisfies(record -> assertThat(record.topic()).isEqualTo("out"));
        assertThat(otherApp.state().pause()).isNull();
        assertThat(person.records()).isEmpty();
        assertThat(requests).hasSize(1);
    }

    @Test
    void aLaterEchoRestartsThePauseAndAnEndpointWithoutEchoPausesIsNotPaused() {
        ConversationState paused = pausedFor(BotPause.Cause.HUMAN_REPLY, Duration.ofHours(4));
        Instant later = TestEvents.T0.plus(Duration.ofHours(2));

        Turn again = handler.handle(work(ResponderEvents.echo(TestEvents.PHONE_NUMBER_ID, "h10", "wamid.e10", later), 2), paused);
        Turn unpaused = handler.handle(work(ResponderEvents.echo("9009", "h11", "wamid.e11", later), 2), ConversationState.NEW);

        assertThat(again.state().pause().until()).isEqualTo(later.plus(Duration.ofHours(4)));
        assertThat(unpaused.state().pause()).isNull();
        assertThat(unpaused.records()).isEmpty();
    }

    private static ConversationState pausedFor(BotPause.Cause cause, Duration length) {
        return ConversationState.NEW.withPause(new BotPause(cause, TestEvents.T0, TestEvents.T0.plus(length)));
    }

    private static InboundEvent notify(String number, String user, String text, Instant at) {
        return new InboundEvent(1, "notify-" + user, InboundKind.NOTIFY, null, number, number + ":" + user, user, null, null,
                null, at, null, text, null, null, null, null, null);
    }

    private static InboundEvent change(String type, String wamid, String body) {
        return change(TestEvents.PHONE_NUMBER_ID, type, wamid, body);
    }

    /** An edit or revoke as Meta documents it (common-model's webhook/user-changes.json). */
    private static InboundEvent change(String number, String type, String wamid, String body) {
        InboundEvent text = TestEvents.text(number, "u11", wamid, "unused", TestEvents.T0);
        ObjectNode message = Json.mapper().createObjectNode().put("from", "u11").put("id", wamid)
                .put("timestamp", Long.toString(TestEvents.T0.getEpochSecond())).put("type", type);
        try {
            message.set(type, Json.mapper().readTree(body));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
        return new InboundEvent(1, text.eventId(), InboundKind.MESSAGE, text.endpointId(), number, text.conversationKey(),
                text.userId(), wamid, type, text.sentAt(), text.receivedAt(), text.contactName(), null, null, null, message,
                text.contact(), text.metadata());
    }

    private Work work(InboundEvent event, long offset) {
        ProducerRecord<String, byte[]> produced = codec.record("in", event.conversationKey(), event, null);
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("in", 0, offset, produced.key(), produced.value());
        produced.headers().forEach(header -> record.headers().add(header));
        return new Work(record, event, event.conversationKey());
    }

    private static ConsumerRecord<String, byte[]> asConsumed(ProducerRecord<String, byte[]> produced) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(produced.topic(), 0, 0, produced.key(), produced.value());
        produced.headers().forEach(header -> record.headers().add(header));
        return record;
    }

    private static InboundEvent handoverCommand(String user, String data) {
        try {
            return new InboundEvent(InboundEvent.SCHEMA_VERSION, "cmd-" + user, InboundKind.HANDOVER, TestEvents.ENDPOINT,
                    TestEvents.PHONE_NUMBER_ID, TestEvents.PHONE_NUMBER_ID + ":" + user, user, null, null, null, TestEvents.T0, null, null,
                    Json.mapper().readTree(data), null, null, null, null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Endpoints endpoints() {
        EndpointSettings demo = TestEndpointSettings.number(TestEvents.PHONE_NUMBER_ID).cognigyUrl("http://cognigy.invalid/x").build();
        EndpointSettings plain = TestEndpointSettings.number("4004").cognigyUrl("http://cognigy.invalid/y")
                .dataProtection(new EndpointSettings.DataProtection(false, true, EndpointSettings.TranscriptMode.ON)).build();
        EndpointSettings templated = TestEndpointSettings.number("9009").cognigyUrl("http://cognigy.invalid/z")
                .serviceWindow(new EndpointSettings.ServiceWindow(EndpointSettings.Outside.TEMPLATE,
                        new EndpointSettings.ServiceWindow.Template("reopen", "de")))
                .edits(EndpointSettings.UserChange.IGNORE).revokes(EndpointSettings.UserChange.IGNORE)
                .humanReplies(new EndpointSettings.HumanReplies(Duration.ZERO, null)).build();
        EndpointSettings reader = TestEndpointSettings.number("2002").cognigyUrl("http://cognigy.invalid/r").markAsRead(true).build();
        return new Endpoints(new EndpointsSettings(Map.of(TestEvents.ENDPOINT, demo, "plain", plain, "templated", templated,
                "reader", reader)));
    }

    private final class ScriptedCognigy extends CognigyClient {
        ScriptedCognigy() {
            super(TestSettings.bind(CognigyClientSettings.class), RestClient.builder());
        }

        @Override
        public List<JsonNode> send(String endpointId, EndpointSettings.Cognigy cognigy, CognigyRequest request) {
            requests.add(request);
            if (answer == null) {
                throw new CognigyException(CognigyException.Failure.UNAVAILABLE, "scripted failure", null);
            }
            return answer;
        }
    }
}
