package io.wabridge.model.settings;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Cognigy's "Transformer Functions" for one endpoint ({@code wabridge.endpoints.<id>.transformers.*}):
 * a JavaScript file whose {@code handleInput}, {@code handleOutput}, {@code handleInject} and
 * {@code handleNotify} run in a sandbox during the turn. Off while {@code script} is unset.
 *
 * @param script         path of the JavaScript file; unset = no script transformer
 * @param hooks          which hooks run: {@code input}, {@code output}, {@code inject}, {@code notify}
 *                       (default all four; a hook the script does not define is skipped)
 * @param abortOnError   on an error (a throw, a time-out, an invalid return value) stop the message
 *                       (or drop the output) instead of going on untransformed (default false, as Cognigy)
 * @param timeout        how long one hook call may take, its {@code httpRequest} included (default 1 s)
 * @param statementLimit JavaScript statements one hook call may execute (default 1 000 000)
 */
public record TransformerSettings(String script, Set<Hook> hooks, Boolean abortOnError, Duration timeout, Long statementLimit) {

    public static final TransformerSettings NONE = new TransformerSettings(null, null, null, null, null);

    public TransformerSettings {
        hooks = hooks == null || hooks.isEmpty() ? EnumSet.allOf(Hook.class) : EnumSet.copyOf(hooks);
        abortOnError = abortOnError != null && abortOnError;
        timeout = timeout == null ? Duration.ofSeconds(1) : timeout;
        statementLimit = statementLimit == null ? 1_000_000L : statementLimit;
    }

    /** True when a script is configured. */
    public boolean scripted() {
        return script != null && !script.isBlank();
    }

    public boolean runs(Hook hook) {
        return hooks.contains(hook);
    }

    /** The transformer hooks of a WhatsApp endpoint; {@code handleExecutionFinished} is for REST endpoints only. */
    public enum Hook {
        INPUT("handleInput"), OUTPUT("handleOutput"), INJECT("handleInject"), NOTIFY("handleNotify");

        private final String function;

        Hook(String function) {
            this.function = function;
        }

        /** The function's name in a Cognigy transformer. */
        public String function() {
            return function;
        }
    }
}
