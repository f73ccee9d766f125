package io.wabridge.sandbox.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MessageValidatorTest {

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String repeat(int n) {
        return "x".repeat(n);
    }

    static String buttons(String... buttons) {
        return "{'messaging_product':'whatsapp','to':'491701','type':'interactive','interactive':{'type':'button',"
                + "'body':{'text':'Pick'},'action':{'buttons':[" + String.join(",", buttons) + "]}}}";
    }

    static String button(String id, String title) {
        return "{'type':'reply','reply':{'id':'" + id + "','title':'" + title + "'}}";
    }

    static String list(String label, String sections) {
        return "{'messaging_product':'whatsapp','to':'491701','type':'interactive','interactive':{'type':'list',"
                + "'body':{'text':'Pick'},'action':{'button':'" + label + "','sections':[" + sections + "]}}}";
    }

    static String rows(String prefix, int count) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < count; i++) {
            rows.append(i == 0 ? "" : ",").append("{'id':'").append(prefix).append(i).append("','title':'Row ").append(i).append("'}");
        }
        return rows.toString();
    }

    static String section(String title, String rows) {
        return "{'title':'" + title + "','rows':[" + rows + "]}";
    }

    static String interactive(String type, String extra) {
        return "{'messaging_product':'whatsapp','to':'491701','type':'interactive','interactive':{'type':'" + type + "'," + extra + "}}";
    }

    static Stream<Arguments> validMessages() {
        return Stream.of(
                Arguments.of("text", "{'messaging_product':'whatsapp','to':'491701','type':'text','text':{'body':'" + repeat(4096) + "'}}"),
                Arguments.of("type defaults to text", "{'messaging_product':'whatsapp','to':'491701','text':{'body':'hi'}}"),
                Arguments.of("3 buttons at their limits", buttons(button(repeat(256), repeat(20)), button("b", "B"), button("c", "C"))),
                Arguments.of("list with 10 rows in 2 sections", list(repeat(20),
                        section("One", rows("a", 5)) + "," + section("Two", rows("b", 5)))),
                Arguments.of("cta_url", interactive("cta_url", "'body':{'text':'Go'},'action':{'name':'cta_url',"
                        + "'parameters':{'display_text':'Open','url':'https://example.com'}}")),
                Arguments.of("image by link", "{'messaging_product':'whatsapp','to':'491701','type':'image','image':{'link':'https://x.io/a.png'}}"),
                Arguments.of("document by id", "{'messaging_product':'whatsapp','to':'491701','type':'document','document':{'id':'123','filename':'a.pdf'}}"),
                Arguments.of("location", "{'messaging_product':'whatsapp','to':'491701','type':'location','location':{'latitude':52.5,'longitude':13.4}}"),
                Arguments.of("reaction removal", "{'messaging_product':'whatsapp','to':'491701','type':'reaction','reaction':{'message_id':'wamid.1','emoji':''}}"),
                Arguments.of("template", "{'messaging_product':'whatsapp','to':'491701','type':'template','template':{'name':'hello_world','language':{'code':'en_US'}}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validMessages")
    void acceptsWhatMetaAccepts(String name, String body) {
        assertThat(MessageValidator.validate(json(body))).isInstanceOf(GraphRequest.Send.class);
    }

    static Stream<Arguments> breaches() {
        return Stream.of(
                Arguments.of("no messaging_product", "{'to':'491701','text':{'body':'hi'}}", 100, "messaging_product is required"),
                Arguments.of("wrong messaging_product", "{'messaging_product':'sms','to':'491701','text':{'body':'hi'}}", 100, "must be one of {WHATSAPP}"),
                Arguments.of("no to", "{'messaging_product':'whatsapp','text':{'body':'hi'}}", 131008, "The parameter to is required."),
                Arguments.of("no text body", "{'messaging_product':'whatsapp','to':'491701','type':'text','text':{}}", 131008, "text['body']"),
                Arguments.of("text too long", "{'messaging_product':'whatsapp','to':'491701','type':'text','text':{'body':'" + repeat(4097) + "'}}", 100, "text['body'] must be at most 4096"),
                Arguments.of("callback data too long", "{'messaging_product':'whatsapp','to':'491701','text':{'body':'hi'},'biz_opaque_callback_data':'" + repeat(513) + "'}", 100, "biz_opaque_callback_data must be at most 512"),
                Arguments.of("unknown type", "{'messaging_product':'whatsapp','to':'491701','type':'hologram','hologram':{}}", 131051, "hologram"),
                Arguments.of("no buttons", buttons(), 131009, "Invalid buttons count"),
                Arguments.of("4 buttons", buttons(button("a", "A"), button("b", "B"), button("c", "C"), button("d", "D")), 131009, "Invalid buttons count"),
                Arguments.of("button title 21", buttons(button("a", repeat(21))), 131009, "Button title length invalid"),
                Arguments.of("button id 257", buttons(button(repeat(257), "A")), 131009, "Button ID length invalid"),
                Arguments.of("duplicate button ids", buttons(button("a", "A"), button("a", "B")), 131009, "Button IDs must be unique"),
                Arguments.of("duplicate button titles", buttons(button("a", "A"), button("b", "A")), 131009, "Button titles must be unique"),
                Arguments.of("button without title", buttons("{'type':'reply','reply':{'id':'a'}}"), 131008, "['reply']['title']"),
                Arguments.of("button body 1025", interactive("button", "'body':{'text':'" + repeat(1025) + "'},'action':{'buttons':[" + button("a", "A") + "]}"), 100, "interactive['body']['text'] must be at most 1024"),
                Arguments.of("button without body", interactive("button", "'action':{'buttons':[" + button("a", "A") + "]}"), 131008, "interactive['body']"),
                Arguments.of("footer 61", interactive("button", "'body':{'text':'b'},'footer':{'text':'" + repeat(61) + "'},'action':{'buttons':[" + button("a", "A") + "]}"), 100, "interactive['footer']['text'] must be at most 60"),
                Arguments.of("header text 61", interactive("button", "'header':{'type':'text','text':'" + repeat(61) + "'},'body':{'text':'b'},'action':{'buttons':[" + button("a", "A") + "]}"), 100, "interactive['header']['text'] must be at most 60"),
                Arguments.of("list label 21", list(repeat(21), section("S", rows("a", 1))), 131009, "Button label length invalid"),
                Arguments.of("list 11 rows", list("Pick", section("One", rows("a", 6)) + "," + section("Two", rows("b", 5))), 131009, "Total row count exceed max allowed count: 10"),
                Arguments.of("list 11 sections", list("Pick", String.join(",", java.util.Collections.nCopies(11, section("S", "{'id':'x','title':'y'}")))), 131009, "Invalid number of sections"),
                Arguments.of("row title 25", list("Pick", section("S", "{'id':'a','title':'" + repeat(25) + "'}")), 131009, "Row title length invalid"),
                Arguments.of("row description 73", list("Pick", section("S", "{'id':'a','title':'A','description':'" + repeat(73) + "'}")), 131009, "Row description length invalid"),
                Arguments.of("row id 201", list("Pick", section("S", "{'id':'" + repeat(201) + "','title':'A'}")), 131009, "Row ID length invalid"),
                Arguments.of("duplicate row ids", list("Pick", section("S", "{'id':'a','title':'A'},{'id':'a','title':'B'}")), 131009, "Row IDs must be unique"),
                Arguments.of("untitled section among two", list("Pick", "{'rows':[{'id':'a','title':'A'}]},{'title':'T','rows':[{'id':'b','title':'B'}]}"), 131008, "['sections'][0]['title']"),
                Arguments.of("cta_url without url", interactive("cta_url", "'body':{'text':'Go'},'action':{'name':'cta_url','parameters':{'display_text':'Open'}}"), 131008, "['parameters']['url']"),
                Arguments.of("unknown interactive type", interactive("hologram", "'body':{'text':'b'}"), 100, "interactive['type'] must be one of"),
                Arguments.of("image without id or link", "{'messaging_product':'whatsapp','to':'491701','type':'image','image':{'caption':'c'}}", 131008, "image['id'] or image['link']"),
                Arguments.of("template without language", "{'messaging_product':'whatsapp','to':'491701','type':'template','template':{'name':'hello_world'}}", 131008, "template['language']"),
                Arguments.of("template without name", "{'messaging_product':'whatsapp','to':'491701','type':'template','template':{'language':{'code':'en'}}}", 131008, "template['name']"),
                Arguments.of("reaction without message_id", "{'messaging_product':'whatsapp','to':'491701','type':'reaction','reaction':{'emoji':'x'}}", 131008, "reaction['message_id']"),
                Arguments.of("location out of range", "{'messaging_product':'whatsapp','to':'491701','type':'location','location':{'latitude':91,'longitude':0}}", 131009, "location['latitude']"),
                Arguments.of("location without longitude", "{'messaging_product':'whatsapp','to':'491701','type':'location','location':{'latitude':1}}", 131008, "location['longitude']"),
                Arguments.of("mark read without message_id", "{'messaging_product':'whatsapp','status':'read'}", 131008, "message_id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breaches")
    void rejectsEachBreachWithMetasCode(String name, String body, int code, String details) {
        assertThatThrownBy(() -> MessageValidator.validate(json(body)))
                .isInstanceOfSatisfying(GraphApiException.class, e -> {
                    assertThat(e.error().code()).isEqualTo(code);
                    assertThat(e.error().httpStatus()).isEqualTo(400);
                    assertThat(e.error().details()).contains(details);
                });
    }

    @Test
    void readsReadReceiptsAndTypingIndicators() {
        assertThat(MessageValidator.validate(json("{'messaging_product':'whatsapp','status':'read','message_id':'wamid.1'}")))
                .isEqualTo(new GraphRequest.MarkRead("wamid.1", false));
        assertThat(MessageValidator.validate(json(
                "{'messaging_product':'whatsapp','status':'read','message_id':'wamid.1','typing_indicator':{'type':'text'}}")))
                .isEqualTo(new GraphRequest.MarkRead("wamid.1", true));
    }

    @Test
    void keepsCallbackDataForTheStatuses() {
        assertThat(MessageValidator.validate(json(
                "{'messaging_product':'whatsapp','to':'491701','text':{'body':'hi'},'biz_opaque_callback_data':'ob-1'}")))
                .isEqualTo(new GraphRequest.Send("491701", "text", "ob-1"));
    }
}
