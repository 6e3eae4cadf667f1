/** Contact policy: channels, frequency caps per member per channel and window, quiet hours, suppression. */
package dev.siyu.tagging.contact;
