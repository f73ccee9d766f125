package io.wabridge.processor.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlStripperTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "a < b", "<3", "I <3 you", "5 > 3", "-> next", "<- back", "x <= y >= z", "< b >",
            "Grüße 👋🏽 from 東京", "line one\nline two\n\n", "Tom & Jerry", "&lt;b&gt;not a tag&lt;/b&gt;",
            "an unclosed <div", "email <  me", "1<2", "<>", "</>", "just text"})
    void leavesOrdinaryChatTextAlone(String text) {
        assertThat(HtmlStripper.strip(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "<b>bold</b> and <i>italic</i>|bold and italic",
            "<p class=\"x\">Hi</p>|Hi",
            "<a href='https://x.test/?a=1&b=2' title=\"a > b\">link</a>|link",
            "before<script>alert('x')</script>after|beforeafter",
            "<STYLE type=text/css>p{color:red}</STYLE>Hello|Hello",
            "keep <!-- hidden --> this|keep  this",
            "<img src=x onerror=alert(1)>|``",
            "<!DOCTYPE html><html><body>Hi</body></html>|Hi",
            "I <3 <b>you</b>|I <3 you",
            "<my-widget data-x=1/>ok|ok",
            "5 > 3 but <em>2 < 3</em>|5 > 3 but 2 < 3"})
    void removesTags(String html, String expected) {
        assertThat(HtmlStripper.strip(html)).isEqualTo(expected);
    }

    @Test
    void aLineBreakTagBecomesANewlineAndNewlinesStay() {
        assertThat(HtmlStripper.strip("one<br>two<BR/>three\n<b>four</b> 👋")).isEqualTo("one\ntwo\nthree\nfour 👋");
    }

    @Test
    void nullStaysNull() {
        assertThat(HtmlStripper.strip(null)).isNull();
    }
}
