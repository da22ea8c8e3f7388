/**
 * DORA delivery metrics computed from delivery events, with performance tiers and rollups through the catalog.
 */
package dev.portolan.dora;
