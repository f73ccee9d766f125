/** JVM-wide settings every service makes before it starts (the common pool's size). */
package io.wabridge.support.jvm;
