package io.wabridge.bench.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The transformer script {@code processor-transformers} runs: small and realistic, the kind a team
 * ports from Cognigy. {@code handleInput} normalises the user's text (trim, collapse whitespace),
 * tags it and adds fields to {@code data}; {@code handleOutput} signs every text the bot sends.
 * The echo bot returns the input text, so a reply that went through both hooks ends with
 * {@link #MARK}: the harness counts those to prove the transformers ran.
 */
final class BenchTransformer {

    static final String INPUT_TAG = "[in]";
    static final String OUTPUT_TAG = "[out]";
    /** What a reply's text ends with after handleInput (the echo bot keeps it) and handleOutput. */
    static final String MARK = " " + INPUT_TAG + " " + OUTPUT_TAG;
    static final String FILE = "bench-transformer.js";

    static final String SCRIPT = """
            // wabridge bench: an input and an output transformer of the size teams port from Cognigy.
            createWhatsAppTransformer({
                handleInput: async ({ endpoint, request, input }) => {
                    const message = request.body;
                    if (message.type !== 'text' || !input.text) {
                        return { data: { ...input.data, transformed: false } };
                    }
                    return {
                        text: input.text.trim().replace(/\\s+/g, ' ') + ' %s',
                        data: { ...input.data, transformed: true, channel: endpoint.channel, whatsappMessageId: message.id,
                                receivedAt: Number(message.timestamp), words: input.text.split(/\\s+/).length },
                    };
                },
                handleOutput: async ({ output, processedOutput }) => {
                    if (processedOutput && processedOutput.type === 'text') {
                        return { type: 'text', text: { body: processedOutput.text.body + ' %s' } };
                    }
                    return processedOutput;
                },
            });
            """.formatted(INPUT_TAG, OUTPUT_TAG);

    private BenchTransformer() {
    }

    /** Writes the script into {@code dir}; returns the processor settings that run its two hooks on the bench endpoint. */
    static List<String> install(Path dir) throws IOException {
        Path script = Files.writeString(Files.createDirectories(dir).resolve(FILE), SCRIPT);
        return settings(script);
    }

    static List<String> settings(Path script) {
        String prefix = "--wabridge.endpoints." + Systems.ENDPOINT + ".transformers.";
        return List.of(prefix + "script=" + script.toAbsolutePath(), prefix + "hooks=input,output");
    }
}
