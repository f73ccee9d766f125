// The transformer of the integration tests' "transformed" and "strict" endpoints: what each hook
// does is chosen by the text it sees, so every test drives its own case.
createWhatsAppTransformer({
    handleInput: async ({ endpoint, request, input }) => {
        const text = request.body.text ? request.body.text.body : '';
        const [command, ...rest] = text.split(' ');
        switch (command) {
            case 'rewrite':
                return { text: 'rewritten: ' + rest.join(' '), data: { ...input.data, rewritten: true, by: endpoint.id } };
            case 'keep':
                return { userId: undefined, sessionId: undefined, text: undefined, data: undefined };
            case 'drop':
                return null;
            case 'long-id':
                return { userId: 'x'.repeat(257) };
            case 'bad-data':
                return { data: 'not an object' };
            case 'loop':
                for (;;) { }
            case 'throw':
                throw new Error('the transformer broke');
            case 'count': {
                const storage = await getSessionStorage(input.userId, input.sessionId);
                storage.count = (storage.count || 0) + 1;
                return { text: 'count ' + storage.count };
            }
            case 'http': {
                const answer = await httpRequest({ uri: rest[0], method: 'POST', json: true, body: { user: input.userId } });
                return { text: 'looked up ' + answer.answer };
            }
            case 'http-twice': {
                await httpRequest({ uri: rest[0], json: true });
                try {
                    await httpRequest({ uri: rest[0], json: true });
                    return { text: 'second allowed' };
                } catch (e) {
                    return { text: 'second refused: ' + e.message };
                }
            }
            default:
                return {};
        }
    },

    handleOutput: async ({ output, processedOutput, userId, sessionId }) => {
        if (output.text === 'drop') {
            return null;
        }
        if (typeof output.text === 'string' && output.text.includes('upper')) {
            return { type: 'text', text: { body: processedOutput.text.body.toUpperCase() + ' for ' + userId + ' in ' + (sessionId ? 'a session' : 'none') } };
        }
        if (typeof output.text === 'string' && output.text.includes('no-type')) {
            return { text: { body: 'a message without a type' } };
        }
        return processedOutput;
    },

    handleInject: async ({ request }) => {
        if (request.body.text === 'drop') {
            return false;
        }
        return { text: 'injected by ' + request.body.data.source + ': ' + request.body.text };
    },

    handleNotify: async ({ request }) => {
        if (request.body.text === 'drop') {
            return 0;
        }
        return { text: 'Notice: ' + request.body.text };
    },
});
