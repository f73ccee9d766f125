/**
 * The Graph API client: builds the {@code /messages} request for each outbound kind (with
 * {@code appsecret_proof} and the outbound id as {@code biz_opaque_callback_data}) and classifies
 * every answer by Graph error code into an {@link io.wabridge.egress.graph.ErrorClass}.
 */
package io.wabridge.egress.graph;
