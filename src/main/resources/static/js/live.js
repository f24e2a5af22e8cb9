// Keeps the page current without a reload: on each event from /events, the page is fetched again and every element
// marked data-live-region is swapped for its new version when anything in it but its ages (data-live-age) changed
// (one whose form has focus is left alone, so typing is never lost). A region with data-live-group="<id>" follows
// only that group's events.
(function () {
    'use strict';
    if (!window.EventSource || !window.fetch || !document.querySelector('[data-live-region]')) {
        return;
    }
    var timer = null;
    var inFlight = false;
    var again = false;

    function follows(groupId) {
        var regions = document.querySelectorAll('[data-live-region]');
        for (var i = 0; i < regions.length; i++) {
            var only = regions[i].getAttribute('data-live-group');
            if (!only || !groupId || only === groupId) {
                return true;
            }
        }
        return false;
    }

    /** A region's markup without its ages (data-live-age), to tell whether anything else changed. */
    function withoutAges(element) {
        var copy = element.cloneNode(true);
        copy.querySelectorAll('[data-live-age]').forEach(function (age) { age.innerHTML = ''; });
        return copy.innerHTML;
    }

    function refresh() {
        timer = null;
        if (inFlight) {
            again = true;
            return;
        }
        inFlight = true;
        fetch(window.location.href, {credentials: 'same-origin', headers: {'X-Live-Refresh': '1'}})
            .then(function (response) {
                if (!response.ok || response.redirected) {
                    throw new Error('status ' + response.status);
                }
                return response.text();
            })
            .then(function (html) {
                var fresh = new DOMParser().parseFromString(html, 'text/html');
                document.querySelectorAll('[data-live-region]').forEach(function (region) {
                    var active = document.activeElement;
                    if (active && active !== document.body && region.contains(active)) {
                        return;
                    }
                    var replacement = region.id ? fresh.getElementById(region.id) : null;
                    if (!replacement) {
                        return;
                    }
                    if (withoutAges(replacement) === withoutAges(region)) {
                        // Nothing shown changed: only the ages move, and every other element stays as it is.
                        var ages = replacement.querySelectorAll('[data-live-age]');
                        region.querySelectorAll('[data-live-age]').forEach(function (age, i) {
                            if (ages[i]) {
                                age.innerHTML = ages[i].innerHTML;
                            }
                        });
                        return;
                    }
                    region.replaceWith(document.importNode(replacement, true));
                });
                document.documentElement.setAttribute('data-live-updated', new Date().toISOString());
                document.dispatchEvent(new CustomEvent('live:updated'));
            })
            .catch(function () { /* the next event tries again */ })
            .then(function () {
                inFlight = false;
                if (again) {
                    again = false;
                    schedule();
                }
            });
    }

    function schedule() {
        if (!timer) {
            timer = setTimeout(refresh, 200);
        }
    }

    var source = new EventSource(document.documentElement.getAttribute('data-live-events') || '/events');
    source.addEventListener('hello', function () {
        document.documentElement.setAttribute('data-live', 'subscribed');
    });
    source.addEventListener('group', function (event) {
        var data = {};
        try { data = JSON.parse(event.data); } catch (e) { /* a whole-page refresh then */ }
        if (follows(data.id)) {
            schedule();
        }
    });
    source.addEventListener('install', function () { if (follows(null)) { schedule(); } });
    source.addEventListener('scan', function () { if (follows(null)) { schedule(); } });
})();
