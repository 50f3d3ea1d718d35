#!/usr/bin/env python3
"""Regenerates the message bundle interfaces in src/main/java/io/loopcrm/web/ from the English
properties files: one @Message method per key, one String parameter per {placeholder}.
Run from the repository root after adding or removing keys: python3 tools/msg-interfaces.py"""
import re
import os
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUNDLES={'msg':('Msg','The shared messages: layout, errors, statuses and every key looked up dynamically with {@code msg:message(key)}.'),
         'sls':('SalesMsg','The sales pages\' own texts (Today, leads, deals, pipeline, team).'),
         'adm':('AdminMsg','The admin pages\' own texts (users, teams, settings, audit).'),
         'lbl':('LabelMsg','Labels of operations\' codes (statuses, objectives, channels), looked up with {@code lbl:message(key)}.'),
         'fun':('FunnelMsg','The funnel page\'s own texts (funnel, attribution, economics, A/B test, feedback).'),
         'lay':('LayoutMsg','The layout\'s, home page\'s and sign-out page\'s texts (navbar, language menu, footer).'),
         'ops':('OpsMsg','The operations pages\' own texts (campaigns, capture, routing, import).'),
         'hok':('HookMsg','Webhooks: the admin\'s endpoints, their secrets and delivery log, the event types.'),
         'aud':('AudienceMsg','Audiences: saved filters over leads that operations builds, counts and exports.'),
         'eml':('MailMsg','E-mail: writing from a record, the states of a message, notifications, replies, the mail Loop sends.')}
for name,(cls,doc) in BUNDLES.items():
    path=f'{ROOT}/src/main/resources/messages/{name}.properties'
    if not os.path.exists(path): continue
    keys=[]
    for line in open(path, encoding='utf-8'):
        line=line.rstrip('\n')
        if not line.strip() or line.lstrip().startswith('#'): continue
        k,v=line.split('=',1)
        params=[]
        for p in re.findall(r'\{(\w+)\}', v):
            if p not in params: params.append(p)
        keys.append((k.strip(),params))
    # a parameter keeps the type the interface already gives it (a long count, say); new ones are String
    target=f'{ROOT}/src/main/java/io/loopcrm/web/{cls}.java'
    typed={}
    if os.path.exists(target):
        for m in re.finditer(r'String (\w+)\(([^)]*)\);', open(target, encoding='utf-8').read()):
            typed[m.group(1)]={a.split()[1]:a.split()[0] for a in [x.strip() for x in m.group(2).split(',')] if a}
    def param(k,p): return typed.get(k,{}).get(p,'String')+' '+p
    methods="\n".join(f"  @Message\n  String {k}({', '.join(param(k,p) for p in ps)});\n" for k,ps in keys)
    src=f'''package io.loopcrm.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * {doc} English in {{@code messages/{name}.properties}}, Simplified Chinese in {{@code
 * messages/{name}_zh_CN.properties}}; templates write {{@code {{{name}:key}}}} and the build checks each
 * against this interface. Generated from the properties file; a bundle stays under 300 keys
 * (Quarkus 3.33 generates broken bytecode for larger ones).
 */
@MessageBundle(value = "{name}", locale = "en")
public interface {cls} {{
{methods}}}
'''
    open(f'{ROOT}/src/main/java/io/loopcrm/web/{cls}.java','w').write(src)
    print(name, len(keys))
