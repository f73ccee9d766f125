package io.wabridge.processor.cognigy;

import io.micrometer.common.KeyValue;
import java.net.URI;
import org.springframework.http.client.observation.ClientHttpObservationDocumentation;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.client.observation.DefaultClientRequestObservationConvention;

/**
 * Boot's {@code http.client.requests} observation of a Cognigy call, with the URL cut to its
 * origin: a REST Endpoint URL ends in the endpoint's secret token, which belongs in no span.
 * The {@code uri} tag is {@code none} already (the call has no URI template).
 */
class CognigyObservationConvention extends DefaultClientRequestObservationConvention {

    @Override
    protected KeyValue requestUri(ClientRequestObservationContext context) {
        if (context.getCarrier() == null) {
            return super.requestUri(context);
        }
        URI uri = context.getCarrier().getURI();
        return ClientHttpObservationDocumentation.HighCardinalityKeyNames.HTTP_URL.withValue(
                uri.getScheme() + "://" + uri.getRawAuthority());
    }
}
