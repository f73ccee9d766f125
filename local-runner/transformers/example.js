// Example transformer for ./run-local.sh (off by default). Switch it on with
//   WABRIDGE_ENDPOINTS_DEMO_TRANSFORMERS_SCRIPT=local-runner/transformers/example.js ./run-local.sh
// then, on the chat page: a message starting with "!" never reaches the bot (the input is
// stopped), "shout <text>" reaches it upper-cased, and every bot text is signed.
createWhatsAppTransformer({
    handleInput: async ({ request, input }) => {
        const message = request.body;
        if (message.type !== 'text') {
            return {};                                   // everything kept
        }
        const text = message.text.body.trim();
        if (text.startsWith('!')) {
            console.info('stopped a message starting with "!"');
            return null;                                 // stopped: acknowledged, counted, not sent to the flow
        }
        const storage = await getSessionStorage(input.userId, input.sessionId);
        storage.messages = (storage.messages || 0) + 1;  // kept with the conversation, across restarts
        if (text.toLowerCase().startsWith('shout ')) {
            return { text: text.slice(6).toUpperCase(), data: { ...input.data, shouted: true } };
        }
        return {};
    },

    handleOutput: async ({ processedOutput, userId, sessionId }) => {
        if (processedOutput && processedOutput.type === 'text') {
            const storage = await getSessionStorage(userId, sessionId);
            const body = processedOutput.text.body + '\n\n_— transformed (message ' + (storage.messages || 0) + ' of this session)_';
            return { type: 'text', text: { body } };
        }
        return processedOutput;                          // anything else as the flow made it
    },
});
