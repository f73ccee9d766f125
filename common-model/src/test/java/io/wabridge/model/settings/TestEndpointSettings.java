package io.wabridge.model.settings;

import java.time.Duration;

/**
 * Test fixture: an endpoint's settings with only what a test cares about, everything else at its
 * default. A new {@link EndpointSettings} component changes {@link #build()} here instead of
 * every test that makes an endpoint.
 */
public final class TestEndpointSettings {

    private final String phoneNumberId;
    private String appId;
    private Secret accessToken;
    private Secret verifyToken;
    private Secret appSecret;
    private Duration messageDelay;
    private Boolean markAsRead;
    private EndpointSettings.Cognigy cognigy;
    private EndpointSettings.Session session;
    private EndpointSettings.Delivery delivery;
    private Secret apiKey;
    private EndpointSettings.DataProtection dataProtection;
    private TransformerSettings transformers;
    private EndpointSettings.ServiceWindow serviceWindow;
    private EndpointSettings.UserChange edits;
    private EndpointSettings.UserChange revokes;
    private TranslationSettings translation;
    private EndpointSettings.HumanReplies humanReplies;
    private HandoverSettings handover;

    private TestEndpointSettings(String phoneNumberId) {
        this.phoneNumberId = phoneNumberId;
    }

    public static TestEndpointSettings number(String phoneNumberId) {
        return new TestEndpointSettings(phoneNumberId);
    }

    public TestEndpointSettings appId(String value) {
        appId = value;
        return this;
    }

    public TestEndpointSettings accessToken(String value) {
        accessToken = new Secret(value);
        return this;
    }

    public TestEndpointSettings verifyToken(String value) {
        verifyToken = new Secret(value);
        return this;
    }

    public TestEndpointSettings appSecret(Secret value) {
        appSecret = value;
        return this;
    }

    public TestEndpointSettings messageDelay(Duration value) {
        messageDelay = value;
        return this;
    }

    public TestEndpointSettings markAsRead(boolean value) {
        markAsRead = value;
        return this;
    }

    public TestEndpointSettings cognigyUrl(String url) {
        cognigy = new EndpointSettings.Cognigy(new Secret(url), null, null, null);
        return this;
    }

    public TestEndpointSettings session(EndpointSettings.Session value) {
        session = value;
        return this;
    }

    public TestEndpointSettings delivery(EndpointSettings.Delivery value) {
        delivery = value;
        return this;
    }

    public TestEndpointSettings apiKey(String value) {
        apiKey = new Secret(value);
        return this;
    }

    public TestEndpointSettings dataProtection(EndpointSettings.DataProtection value) {
        dataProtection = value;
        return this;
    }

    public TestEndpointSettings translation(TranslationSettings value) {
        translation = value;
        return this;
    }

    public TestEndpointSettings handover(HandoverSettings value) {
        handover = value;
        return this;
    }

    public TestEndpointSettings transformers(TransformerSettings value) {
        transformers = value;
        return this;
    }

    public TestEndpointSettings serviceWindow(EndpointSettings.ServiceWindow value) {
        serviceWindow = value;
        return this;
    }

    public TestEndpointSettings edits(EndpointSettings.UserChange value) {
        edits = value;
        return this;
    }

    public TestEndpointSettings revokes(EndpointSettings.UserChange value) {
        revokes = value;
        return this;
    }

    public TestEndpointSettings humanReplies(EndpointSettings.HumanReplies value) {
        humanReplies = value;
        return this;
    }

    public EndpointSettings build() {
        return new EndpointSettings(appId, accessToken, phoneNumberId, verifyToken, appSecret, messageDelay, markAsRead,
                cognigy, session, delivery, apiKey, dataProtection, transformers, serviceWindow, edits, revokes, translation,
                humanReplies, handover);
    }
}
