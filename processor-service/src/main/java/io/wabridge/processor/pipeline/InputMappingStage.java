package io.wabridge.processor.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.privacy.Masking;
import io.wabridge.model.state.UserIdentity;
import io.wabridge.processor.input.CognigyInput;
import io.wabridge.processor.input.HtmlStripper;
import io.wabridge.processor.input.InputMapper;
import io.wabridge.processor.input.MediaUrls;
import io.wabridge.support.privacy.LogMasking;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WhatsApp message (or inject) as Cognigy input: {@link InputMapper}, then Cognigy's "Enable
 * Input Sanitization" (HTML stripped from the text), then the media download URLs when enabled.
 */
final class InputMappingStage implements TurnStage {

    private static final Logger log = LoggerFactory.getLogger(InputMappingStage.class);

    private final InputMapper inputMapper = new InputMapper();
    private final MediaUrls mediaUrls;

    InputMappingStage(MediaUrls mediaUrls) {
        this.mediaUrls = mediaUrls;
    }

    @Override
    public String name() {
        return "input-mapping";
    }

    @Override
    public Optional<Turn> apply(TurnContext turn) {
        var event = turn.event();
        CognigyInput mapped = inputMapper.map(event);
        String text = turn.endpoint.settings().dataProtection().sanitizeInput() ? HtmlStripper.strip(mapped.text()) : mapped.text();
        if (log.isDebugEnabled()) {
            Masking masking = LogMasking.of(turn.endpoint);
            log.debug("{} {} for {} to the flow of endpoint {}: text {}", event.kind(), event.eventId(),
                    masking.key(turn.work.key()), turn.endpoint.id(), masking.text(text));
        }
        turn.userId = turn.work.flowUserId(turn.endpoint.settings().cognigy().userId());
        addIdentity(mapped.data(), turn.userId, turn.work.identity());
        turn.input = new CognigyInput(text, mapped.data());
        mediaUrls.addTo(turn.input, turn.endpoint);
        return Optional.empty();
    }

    /**
     * {@code data.identity}: who the user is (docs/cognigy-mapping.md, "User id"): the user id the
     * flow sees, and the business-scoped id, phone number and username as far as known.
     */
    private static void addIdentity(ObjectNode data, String userId, UserIdentity known) {
        ObjectNode identity = data.putObject("identity");
        identity.put("userId", userId);
        if (known != null) {
            putIfKnown(identity, "businessScopedUserId", known.businessScopedUserId());
            putIfKnown(identity, "phoneNumber", known.phoneNumber());
            putIfKnown(identity, "username", known.username());
        }
    }

    private static void putIfKnown(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
