/**
 * API: the Bitrix24 REST client. Start at {@link dev.olbot.rest.RestClient#create}; typed method
 * groups build on the {@link dev.olbot.rest.RestCaller} seam. SPI: {@link dev.olbot.rest.TokenStore}
 * (where OAuth tokens live) and {@link dev.olbot.rest.RestClock} (time source of the pacing).
 */
package dev.olbot.rest;
