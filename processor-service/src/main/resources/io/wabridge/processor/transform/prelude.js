// Evaluated in every transformer context before the user's script. Everything the script can
// reach of the host is defined here, over JSON strings: the host object itself stays in this closure.
(function (host) {
    'use strict';
    // Without host access and class lookup these resolve nothing; removed, there is nothing to probe.
    for (const name of ['Java', 'Packages', 'java', 'javax', 'javafx', 'com', 'org', 'edu', 'net', 'Polyglot', 'Graal']) {
        delete globalThis[name];
    }
    const hooks = {};
    const register = (transformer) => {
        if (transformer && typeof transformer === 'object') {
            Object.assign(hooks, transformer);
        }
        return transformer;
    };
    // Cognigy's wrappers; a WhatsApp transformer pasted from Cognigy calls one of them.
    for (const name of ['createWhatsAppTransformer', 'createWebhookTransformer', 'createRestTransformer', 'createSocketTransformer']) {
        globalThis[name] = register;
    }

    const format = (args) => args.map((a) => {
        if (typeof a === 'string') {
            return a;
        }
        if (a instanceof Error) {
            return String(a.stack || a);
        }
        try {
            return JSON.stringify(a);
        } catch (e) {
            return String(a);
        }
    }).join(' ');
    globalThis.console = Object.freeze({
        log: (...a) => host.log('info', format(a)),
        info: (...a) => host.log('info', format(a)),
        debug: (...a) => host.log('debug', format(a)),
        warn: (...a) => host.log('warn', format(a)),
        error: (...a) => host.log('error', format(a)),
    });

    let call = null;

    globalThis.httpRequest = async (options) => {
        if (call.httpUsed) {
            throw new Error('httpRequest: only one HTTP request per execution');
        }
        call.httpUsed = true;
        const answer = JSON.parse(host.http(JSON.stringify(options === undefined ? null : options)));
        if (answer.error) {
            const error = new Error('httpRequest: ' + answer.error);
            if (answer.statusCode) {
                error.statusCode = answer.statusCode;
                error.body = answer.body;
            }
            throw error;
        }
        return answer.body;
    };

    globalThis.getSessionStorage = async (userId, sessionId) => {
        const stored = call.storage;
        if (stored && stored.userId === userId && stored.sessionId === sessionId) {
            call.storageUsed = true;
            return stored.value;
        }
        call.storage = { userId, sessionId, value: {} };
        call.storageUsed = true;
        return call.storage.value;
    };

    const uuid = Object.freeze({ v4: () => host.uuid() });
    globalThis.uuid = uuid;
    globalThis.crypto = Object.freeze({
        randomUUID: () => host.uuid(),
        hash: (algorithm, text, encoding) => host.hash(String(algorithm), String(text), String(encoding || 'hex')),
        hmac: (algorithm, key, text, encoding) => host.hmac(String(algorithm), String(key), String(text), String(encoding || 'hex')),
        sha256: (text) => host.hash('sha256', String(text), 'hex'),
        hmacSha256: (key, text) => host.hmac('sha256', String(key), String(text), 'hex'),
    });

    const envelope = (value) => {
        if (value === undefined) {
            return { kind: 'undefined' };
        }
        if (!value) {
            return { kind: 'falsy' };
        }
        return { kind: 'value', value };
    };

    // start(hook, argumentJson, storageJson): runs the hook; its promise settles when the host call returns.
    // result(): the settled outcome as JSON, once the job queue has run.
    let outcome = null;
    return Object.freeze({
        defines: (name) => typeof (hooks[name] || globalThis[name]) === 'function',
        start: (name, argumentJson, storageJson) => {
            call = { httpUsed: false, storageUsed: false, storage: storageJson ? JSON.parse(storageJson) : null };
            outcome = null;
            const fn = hooks[name] || globalThis[name];
            const argument = JSON.parse(argumentJson);
            const failed = (error) => {
                outcome = { kind: 'error', message: String((error && error.message) || error) };
            };
            let value;
            try {
                value = fn.call(hooks, argument);
            } catch (error) {
                failed(error);
                return;
            }
            if (value && typeof value.then === 'function') {
                // An async hook: its promise settles when the job queue runs, as this call returns to the host.
                value.then((settled) => {
                    outcome = envelope(settled);
                }, failed);
            } else {
                outcome = envelope(value);
            }
        },
        result: () => {
            if (outcome === null) {
                return JSON.stringify({ kind: 'error', message: 'the hook\'s promise did not settle' });
            }
            if (call.storageUsed) {
                outcome.storage = call.storage;
            }
            try {
                return JSON.stringify(outcome);
            } catch (e) {
                return JSON.stringify({ kind: 'error', message: 'the return value is not JSON: ' + e.message });
            }
        },
    });
})
