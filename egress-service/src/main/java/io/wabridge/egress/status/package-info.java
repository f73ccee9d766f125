/**
 * Statuses: egress's own send outcomes (accepted with wamid, failed with the Graph error) and
 * Meta's status webhooks, correlated to outbound ids through {@code biz_opaque_callback_data},
 * which drive {@code delivered} ordering.
 */
package io.wabridge.egress.status;
