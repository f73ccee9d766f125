package io.wabridge.processor.input;

import java.util.regex.Pattern;

/**
 * Cognigy's "Enable Input Sanitization": removes HTML from a user's text before the flow sees it,
 * without touching ordinary chat text.
 *
 * <p>Removed: comments ({@code <!-- … -->}), {@code <script>} and {@code <style>} elements with
 * their content, doctype and processing instructions, and every tag, i.e. {@code <} or {@code </}
 * directly followed by a letter, up to the matching {@code >} (quoted attribute values may contain
 * {@code >}). {@code <br>} becomes a line break; other tags leave nothing, their content stays.
 *
 * <p>Kept as written: newlines, emoji, a {@code <} or {@code >} that does not make a tag
 * ({@code a < b}, {@code <3}, {@code 5 > 3}, {@code ->}, an unclosed {@code <div}), and
 * character entities: {@code &lt;b&gt;} is not decoded, because decoding would create the very
 * markup just removed. Text with no space around {@code <} ({@code a<b and c>d}) looks like a tag
 * and loses it: HTML parsers read it the same way.
 */
public final class HtmlStripper {

    private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("<(script|style)\\b[^>]*>.*?</\\1\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern LINE_BREAK = Pattern.compile("<br\\s*/?>", Pattern.CASE_INSENSITIVE);
    /** Tag name, then attributes: anything but {@code >} and quotes, or a quoted value. */
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9:-]*(?:[\\s/](?:[^>\"']|\"[^\"]*\"|'[^']*')*)?>");
    private static final Pattern DECLARATION = Pattern.compile("<[!?][A-Za-z?][^>]*>");

    private HtmlStripper() {
    }

    /** The text without HTML; {@code null} stays {@code null}. */
    public static String strip(String text) {
        if (text == null || text.indexOf('<') < 0) {
            return text;
        }
        String stripped = SCRIPT_OR_STYLE.matcher(text).replaceAll("");
        stripped = COMMENT.matcher(stripped).replaceAll("");
        stripped = LINE_BREAK.matcher(stripped).replaceAll("\n");
        stripped = DECLARATION.matcher(stripped).replaceAll("");
        return TAG.matcher(stripped).replaceAll("");
    }
}
