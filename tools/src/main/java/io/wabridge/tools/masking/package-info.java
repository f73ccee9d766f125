/** How the commands show personal data: user ids and phone numbers partly, texts not at all, unless asked. */
package io.wabridge.tools.masking;
