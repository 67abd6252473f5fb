# Context triggers: what changes a finding mention's status, change, side or place.
#
# Syntax: KIND [ARG] = phrase | phrase ...   ('#' starts a comment). Phrases match normalised tokens,
# longest first, so "no evidence of" wins over "no" and "no change" (a change word) over "no".
# Kinds follow NegEx (Chapman et al. 2001) and ConText (Harkema et al. 2009):
#   negation-pre / negation-post      negate a finding after / before the trigger
#   uncertain-pre / uncertain-post    make it uncertain (NegBio's uncertainty patterns, Peng et al. 2018);
#                                     high-likelihood words (probable, likely, presumed) are not hedges here:
#                                     the IU coders code what is called likely, and a search for it wants it
#   pseudo                            looks like a trigger but is none ("not only", "gram negative")
#   termination                       ends the scope of a trigger before it ("no effusion but atelectasis")
#   change ARG                        new | increased | decreased | resolved | unchanged
#   side ARG                          left | right | bilateral
#   location ARG                      where in the chest
# Every phrase here was written for cxrsearch from the published trigger categories.

negation-pre = no | no definite | without definite | no convincing | no clear | no definitive | not | without | no evidence of | no evidence for | no signs of | no sign of | negative for | free of | absence of | no radiographic evidence of | no radiographic signs of | no findings of | no finding of | no findings to suggest | no acute | no focal | no visible | no visualized | no appreciable | no significant | no large | no gross | no overt | no frank | no other | no suspicious | no new | nor | neither | never | cannot see | clear of | rather than | no residual | lack of | no identifiable | no evidence to suggest | no abnormal | no dense | no discrete | no displaced | no detectable | there is no | there are no | there has been no | no focal areas of | no areas of | no area of | without evidence of | with no | no change to suggest | resolved

negation-post = is absent | are absent | absent | not seen | not identified | not visualized | not appreciated | not present | not evident | not demonstrated | not detected | not noted | not visible | is not seen | are not seen | is not identified | are not identified | not appreciable | has resolved | have resolved | resolved | is negative | are negative | negative | ruled out | excluded | was excluded | are excluded | unlikely | is unlikely | not apparent | not definitely seen | none | not recognized | is not present | are not present | not confirmed

uncertain-pre = could obscure | may obscure | obscure | may | may be | might | possible | possibly | question of | questionable | suspicious for | suspected | suspicion of | concerning for | concern for | worrisome for | suggest | suggests | suggestive of | suggesting | suggestion of | cannot exclude | can not exclude | cannot rule out | can not rule out | could be | could represent | may represent | might represent | may reflect | could reflect | may indicate | differential diagnosis | differential includes | versus | vs | borderline | equivocal | indeterminate | r/o | rule out | to rule out | evaluate for | evaluation for | not definitely | difficult to exclude | not entirely excluded | not excluded | questionably | raises the possibility of | possibility of

uncertain-post = is possible | are possible | not excluded | cannot be excluded | can not be excluded | cannot be ruled out | can not be ruled out | not ruled out | is not excluded | is suspected | are suspected | is questioned | versus | vs | suspected | not entirely excluded | is difficult to exclude | could be considered | is a consideration | is not entirely excluded | not completely excluded | questionable | possible | is questionable | not well seen | not well visualized

pseudo = most suggestive of | most consistent with | most compatible with | not only | gram negative | not necessarily | without difficulty | not certain if | not rule out | not drain | no suspicious change | not appear to have changed

termination = but | however | although | though | except | aside from | apart from | other than | which | whereas | yet | still | nonetheless | otherwise | there is | there are | there has been | there was | there were | in addition | additionally | also | secondary to | due to | related to | with the exception of | as well as | given | is seen | are seen | is noted | are noted | is present | are present | is identified | are identified | is again seen | are again seen

change new = new | newly | new onset | developing | interval development | interval development of | interval appearance | interval appearance of | has developed | have developed | now present | now seen | appeared | has appeared | de novo | recent | recently | interval placement | interval placement of | interval insertion
change increased = increased | increase | increasing | worsening | worsened | worse | progression | progressive | progressed | enlarging | larger | greater | more prominent | more extensive | interval increase | interval increase in | grown | growing | more conspicuous | more pronounced | slightly increased | slightly larger | increased in size | enlarged since | further
change decreased = decreased | decrease | decreasing | improving | improved | improvement | smaller | less | diminished | diminishing | reduced | reduction | regressed | regression | interval decrease | interval decrease in | lessened | partially resolved | partial resolution | resolving | less prominent | less conspicuous | slightly decreased | interval improvement | interval improvement in | clearing
change resolved = resolved | resolution | cleared | no longer | no longer seen | no longer visualized | no longer identified | no longer present | no longer evident | has resolved | have resolved | removed | removal | interval resolution | interval removal | interval removal of | completely resolved | complete resolution | no residual | has been removed | have been removed
change unchanged = unchanged | stable | stably | no change | no interval change | no significant change | no significant interval change | without change | without interval change | not significantly changed | not changed | persistent | persists | persisting | persistently | again seen | again noted | again demonstrated | again identified | redemonstrated | redemonstration | similar | grossly stable | remains | remain | grossly unchanged | no appreciable change | unchanged in appearance | similar appearance | no change in | not changed significantly | essentially unchanged | overall unchanged | relatively unchanged | little change | minimal change | no significant change in | no increase | no decrease | no interval increase

side left = left | left-sided | left sided | lll | lul | lingula | lingular | left lower lobe | left upper lobe | left base | left basilar | left hemithorax | left lung | left-side | leftward
side right = right | right-sided | right sided | rll | rul | rml | right lower lobe | right upper lobe | right middle lobe | middle lobe | right base | right basilar | right hemithorax | right lung | right-side | rightward
side bilateral = bilateral | bilaterally | both | bibasilar | bibasal | biapical | both lung | both lungs | both sides | both lung bases | bilateral lower | bilateral upper | b/l | left and right | right and left | bihilar | bibasal

location upper lobe = upper lobe | lul | rul | left upper lobe | right upper lobe | upper lung | upper lung zone | upper zone | upper lungs | upper lobes | bilateral upper
location middle lobe = middle lobe | rml | right middle lobe | mid lung | midlung | mid lung zone | middle lung zone | mid zone
location lower lobe = lower lobe | lll | rll | left lower lobe | right lower lobe | lower lung | lower lung zone | lower zone | lower lungs | lower lobes | bilateral lower
location lingula = lingula | lingular
location base = base | bases | basilar | basal | bibasilar | bibasal | lung base | lung bases | left base | right base | left basilar | right basilar | infrahilar
location apex = apex | apices | apical | biapical | apical region | lung apex | lung apices
location hilum = hilum | hila | hilar | perihilar | bihilar | suprahilar
location retrocardiac = retrocardiac | behind the heart
location costophrenic = costophrenic | costophrenic angle | costophrenic angles | costophrenic sulcus
location periphery = peripheral | periphery | subpleural
location paratracheal = paratracheal | right paratracheal
location mediastinum = mediastinal | mediastinum | prevascular | aortopulmonary window
