# The finding lexicon: what each finding is called in chest X-ray reports, and its MeSH codes.
#
# Syntax (one directive per line, '#' starts a comment, '|' separates alternatives):
#   group NAME = phrase | phrase ...      words that combine in compound rules (an anchor or a modifier)
#   finding KEY                           starts a finding block; KEY is lower_snake_case
#     mesh Heading[/qualifier] | ...      the IU MeSH codes of the finding (heading, or heading/qualifier)
#     parent KEY                          a broader finding this one rolls up to (present/uncertain only)
#     phrase phrase | phrase ...          words that name the finding; 'stem*' matches any word it starts
#     compound GROUP + GROUP [-> absent|uncertain]
#                                         both groups in one clause, within 6 words, name the finding;
#                                         the status is forced when given ("heart size normal" -> absent)
#     subsumes KEY | KEY                  a compound mention drops these findings' mentions inside its span
#     related KEY | KEY                   a search for this finding also looks for these (query side only)
# Phrases are matched on normalised tokens (lower case, regular plurals folded), longest match first.
# Phrases from the CheXpert labeler's lists (MIT, see CHEXPERT-LABELER-LICENSE.txt) are marked [cx] on
# their finding line; every other phrase was written for cxrsearch.

group heart = heart | heart size | cardiac silhouette | cardiac size | cardiac shadow | cardiac contour | heart shadow | heart silhouette | cardiac diameter | cardiothoracic ratio | cardiomediastinal silhouette | cardiomediastinal contour | cardiomediastinal shadow | cardiopericardial silhouette | cardiac
group enlarged = enlarged | enlargement | large | increased | prominent | prominence | enlarging | mildly enlarged | moderately enlarged | markedly enlarged | big
group normal = normal | normal size | normal in size | within normal limit | within normal | unremarkable | not enlarged | stable and normal | upper normal limits | normal limit
group borderline = borderline | upper limit of normal | upper limits of normal | upper normal | top normal | top-normal | top of normal | high normal | at the upper limit | upper range of normal | mildly prominent | borderline enlarged
group mediastinum = mediastinum | mediastinal contour | mediastinal silhouette | mediastinal configuration | mediastinal width | superior mediastinum | cardiomediastinal silhouette | cardiomediastinal contour | cardiomediastinum | mediastinal
group widened = widened | widening | wide | enlarged | enlargement | prominent | prominence
group volumes = lung volume | volume | inspiration | inspiratory effort | inspiratory volume | lung expansion | expansion | aeration | inflation
group low = low | decreased | diminished | reduced | small | poor | shallow | limited | suboptimal | hypoinflated | lower
group high = high | increased | large | hyperinflated | hyperexpanded | expanded
group aorta = aorta | aortic arch | aortic knob | aortic knuckle | thoracic aorta | descending aorta | ascending aorta | aortic contour | aortic | arch
group tortuous = tortuous | tortuosity | ectatic | ectasia | unfolded | unfolding | uncoiled | uncoiling | elongated | elongation
group calcified = calcified | calcification | calcific | calcium | calcifications | atherosclerotic calcification
group diaphragm = hemidiaphragm | diaphragm | diaphragmatic | hemidiaphragmatic
group elevated = elevated | elevation | raised | high | higher | high-riding
group flattened = flattened | flattening | flat | flattening of the diaphragm
group angle = costophrenic angle | costophrenic sulcus | costophrenic recess | costophrenic | cp angle | posterior sulcus | posterior costophrenic | lateral sulcus | sulcus | angle
group blunted = blunted | blunting | blunt
group spine = spine | thoracic spine | vertebra | vertebral body | thoracic vertebra | thoracic vertebral body | lumbar spine | spinal | disc space | intervertebral | endplate | thoracolumbar spine | thoracic | thoracolumbar | vertebral | lumbar | cervical spine | dorsal spine
group degenerative = degenerative | degeneration | degenerative change | degenerative disease | degenerative disc disease | degenerative joint disease | spurring | arthritic change
group curvature = curvature | curve | curving | convexity | convex | dextroconvex | levoconvex
group pleura = pleura | pleural | apical pleural | pleural surface | pleural-based | biapical pleural | apical
group thickening = thickening | thickened | thick
group airfluid = air fluid level | air-fluid level
group effusion = pleural effusion | effusion | pleural fluid
group markings = marking | interstitial marking | bronchovascular marking | lung marking | pulmonary marking | interstitium | interstitial pattern | vascular marking | interstitial | bronchovascular | reticular marking | reticular pattern | interstitial opacity | reticular opacity | reticulonodular | reticulation
group coarse = increased | prominent | prominence | coarse | coarsened | coarsening | accentuated | accentuation | chronic | diffuse | mild | mildly increased | mildly prominent | increase | course | coarse interstitial | reticular
group vasculature = pulmonary vasculature | vascularity | pulmonary vascular | pulmonary vessel | vasculature | pulmonary vascularity | vascular | vessel | hila | hilar vessel
group congested = congestion | congested | engorged | engorgement | cephalization | redistribution | indistinct | indistinctness | plethora | increased | prominent | prominence | fullness | full
group pulmonary_artery = pulmonary artery | pulmonary arterie | main pulmonary artery | pulmonary arterial | pulmonary outflow tract | pulmonary trunk
group pa_enlarged = enlarged | prominent | enlargement | dilated | prominence | dilatation | large
group granuloma = granuloma | granulomata | granulomatous | granulomatous disease | granulomatous change
group lungs = lung | lungs | pulmonary | hemithorax
group hyperlucent = hyperlucent | hyperlucency | lucent | lucency | hyperaeration
group ribs = rib | ribs | sternum | clavicle | vertebral body | sternal
group fractured = fracture | fractures | fractured | broken | break | deformity | deformed
group hilum = hilum | hilar | hila | hilar region | perihilar
group lymphnodes = lymph node | node | nodes | lymphadenopathy | adenopathy

finding atelectasis
  mesh Pulmonary Atelectasis
  parent lung_opacity
  # [cx] atelecta*, collapse
  phrase atelecta* | collapse | collapsed | subsegmental atelectasis | platelike | plate-like | plate like | discoid | linear atelectasis | bandlike atelectasis | volume loss | lobar collapse | partial lung collapse | partial collapse
  phrase linear opacity | linear opacities | linear density | linear densities | streaky opacity | streaky opacities | streaky density | bandlike opacity | band-like opacity
  subsumes lung_opacity | density

finding cardiomegaly
  related cardiac_shadow_abnormal
  mesh Cardiomegaly | Cardiac Shadow/enlarged
  # [cx] cardiomegaly, heart size, cardiac enlargement, cardiac size, cardiac shadow, cardiac contour, cardiac silhouette, enlarged heart
  phrase cardiomegaly | cardiac enlargement | enlarged heart | heart enlargement | enlarged cardiac silhouette | big heart | large heart | cardiomegally | enlarged cardiac shadow | heart is enlarged
  compound heart + enlarged
  compound heart + borderline -> uncertain
  compound heart + normal -> absent

finding enlarged_cardiomediastinum
  mesh Mediastinum/prominent | Mediastinum/enlarged | Mediastinum/widened
  # [cx] cardiomediastinum, mediastinal configuration, mediastinal silhouette
  phrase widened mediastinum | mediastinal widening | mediastinal enlargement | enlarged mediastinum | mediastinal prominence | prominent mediastinum | widening of the mediastinum
  compound mediastinum + widened
  compound mediastinum + normal -> absent

finding pleural_effusion
  related hydropneumothorax | hemothorax
  mesh Pleural Effusion
  # [cx] pleural fluid, effusion; unmention pericardial effusion (listed below as its own finding)
  phrase effusion | pleural effusion | pleural fluid | hydrothorax | fluid in the pleural space | fluid around the lung | layering fluid | pleural fluid collection | meniscus | subpulmonic fluid | fluid in the fissure | fissural fluid | loculated fluid | parapneumonic effusion | empyema

finding pericardial_effusion
  mesh Pericardial Effusion
  phrase pericardial effusion | pericardial fluid | fluid around the heart

finding pneumothorax
  related hydropneumothorax
  mesh Pneumothorax
  # [cx] pneumothorax, pneumothoraces
  phrase pneumothorax | pneumothoraces | ptx | pneumothoraxes | collapsed lung | air in the pleural space | tension pneumothorax | pneumothorace | air around the lung

finding hydropneumothorax
  mesh Hydropneumothorax | Hemopneumothorax
  parent pneumothorax
  parent pleural_effusion
  phrase hydropneumothorax | hemopneumothorax | hydro pneumothorax | hydropneumothoraces | pleural air fluid level
  # an air-fluid level alone is no pleural finding (hiatal hernia, abscess, cavity): only next to pleural words
  compound pleura + airfluid
  compound effusion + airfluid

finding hemothorax
  mesh Hemothorax
  parent pleural_effusion
  phrase hemothorax | hemothoraces

finding edema
  mesh Pulmonary Edema
  parent lung_opacity
  # [cx] edema (heart failure, chf and vascular congestion are findings of their own here)
  phrase edema | pulmonary edema | interstitial edema | alveolar edema | fluid overload | water on the lung | water in the lung | fluid in the lung | fluid on the lung | kerley b line | kerley line | septal line | airspace edema | hydrostatic edema | edematous
  subsumes lung_opacity

finding pulmonary_congestion
  related edema
  mesh Pulmonary Congestion
  # [cx] vascular congestion, pulmonary congestion, indistinctness, vascular prominence
  phrase vascular congestion | pulmonary congestion | pulmonary venous congestion | venous congestion | pulmonary venous hypertension | cephalization | pulmonary vascular congestion | central venous congestion | pulmonary vascular redistribution | vascular redistribution | congestive changes | vascular prominence | vascular engorgement | congestion
  compound vasculature + congested
  compound vasculature + normal -> absent

finding heart_failure
  mesh Heart Failure
  phrase heart failure | chf | congestive heart failure | cardiac failure | cardiac decompensation | congestive failure | ventricular failure | fluid overload state

finding consolidation
  related airspace_disease | infiltration
  mesh Consolidation
  parent lung_opacity
  # [cx] consolidat*
  phrase consolidat* | airspace consolidation | air space consolidation | lobar consolidation
  subsumes lung_opacity | airspace_disease

finding airspace_disease
  related consolidation | infiltration
  mesh Airspace Disease
  parent lung_opacity
  # [cx] airspace disease, air-space disease, air space disease
  phrase airspace disease | air-space disease | air space disease | airspace process | alveolar process | airspace filling | alveolar infiltrate | air space process
  subsumes lung_opacity

finding infiltration
  related consolidation | airspace_disease
  mesh Infiltrate
  parent lung_opacity
  # [cx] infiltrate, infiltration
  phrase infiltrat* | infiltrate | interstitial infiltrate
  subsumes lung_opacity

finding pneumonia
  mesh Pneumonia
  parent lung_opacity
  # [cx] pneumonia, infection, infectious process, infectious
  phrase pneumonia | pneumonias | infection | infectious process | infectious | bronchopneumonia | pneumonitis | lung infection | chest infection | aspiration pneumonia | lobar pneumonia | infectious infiltrate | multifocal pneumonia | atypical pneumonia
  subsumes lung_opacity | infiltration

finding lung_opacity
  related airspace_disease | consolidation | density
  mesh Opacity
  # [cx] opaci*, decreased translucency; unmention pleural scar
  phrase opaci* | decreased translucency | haziness | hazy | ground-glass | ground glass | groundglass | shadowing | shadow | clouding | whiteout | white out

finding density
  mesh Density
  parent lung_opacity
  # [cx] increased density
  phrase density | densities | increased density | dense | focal density | nodular density | nodular densities

finding nodule
  related mass
  mesh Nodule
  parent lung_lesion
  # [cx] nodular density, nodular densities, nodular opacity, nodular opacities, nodular opacification, nodule (unmention: calcified nodul*)
  phrase nodul* | nodule | nodular density | nodular densities | nodular opacity | nodular opacities | nodular opacification | micronodul* | pulmonary nodule | lung nodule | spot on the lung | coin lesion
  subsumes lung_opacity | density

finding mass
  related nodule
  mesh Mass
  parent lung_lesion
  # [cx] mass, lump, cavitary lesion, carcinoma, neoplasm, tumor (unmention: massive)
  phrase mass | masses | lump | carcinoma | neoplasm | tumor | tumour | malignancy | cancer | lung cancer | metastases | metastasis | metastatic disease | lesion | lesions | mass lesion | soft tissue mass | neoplastic
  subsumes lung_opacity | density

finding lung_lesion
  phrase lung lesion | pulmonary lesion | cavitary lesion

finding granuloma
  related calcified_granuloma | granulomatous_disease
  mesh Granuloma
  phrase granuloma | granulomas | granulomata | noncalcified granuloma

finding calcified_granuloma
  related granuloma | granulomatous_disease
  mesh Calcified Granuloma
  phrase calcified granuloma | calcified granulomas | granulomatous calcification | calcified nodule | calcified nodules | calcified granulomata | calcified pulmonary nodule | calcified lung nodule
  compound granuloma + calcified
  subsumes granuloma | calcinosis | granulomatous_disease | nodule

finding granulomatous_disease
  related calcified_granuloma | granuloma
  mesh Granulomatous Disease
  phrase granulomatous disease | granulomatous | old granulomatous disease | prior granulomatous disease | granulomatous infection | granulomatous process | healed granulomatous | sequela of prior granulomatous | sequelae of granulomatous | old granulomatous | remote granulomatous | histoplasmosis | old tuberculosis | prior granulomatous infection | granulomatous change

finding calcinosis
  mesh Calcinosis
  # [cx] calcifi* (a no_finding phrase there)
  compound aorta + calcified
  phrase calcifi* | calcific | calcified lymph node | calcified node | calcified nodes | calcified lymph nodes | calcium

finding atherosclerosis
  mesh Atherosclerosis
  # [cx] atherosclero*
  phrase atherosclero* | atherosclerotic | atheromatous | atherosclerotic calcification | aortic atherosclerosis | vascular calcification | arteriosclerotic | arteriosclerosis

finding emphysema
  related copd | bullous_emphysema
  mesh Emphysema | Pulmonary Emphysema
  # [cx] emphysema
  phrase emphysema | emphysematous | emphysematous change | pulmonary emphysema | centrilobular emphysema | panlobular emphysema | paraseptal emphysema

finding bullous_emphysema
  mesh Bullous Emphysema
  phrase bullous emphysema | bulla | bullae | bullous | bleb | blebs | bullous change

finding subcutaneous_emphysema
  mesh Subcutaneous Emphysema
  phrase subcutaneous emphysema | subcutaneous air | soft tissue emphysema | soft tissue air | subcutaneous gas
  subsumes emphysema

finding copd
  related emphysema | bullous_emphysema
  mesh Pulmonary Disease, Chronic Obstructive
  # [cx] copd
  phrase copd | chronic obstructive pulmonary disease | chronic obstructive lung disease | chronic obstructive disease | obstructive lung disease | obstructive pulmonary disease | chronic lung disease | chronic obstructive

finding hyperinflation
  related flattened_diaphragm
  mesh Lung/hyperdistention
  # [cx] hyperinflation, hyperinflat*, hyperexpansion
  phrase hyperinflat* | hyperexpan* | hyperaerat* | hyperdisten* | overinflat* | overexpan* | hyperinflated lungs | hyperexpanded lungs | increased lung volumes | large lung volumes | high lung volumes | air trapping | hyperlucent and hyperinflated
  compound volumes + high

finding hypoinflation
  mesh Lung/hypoinflation
  phrase hypoinflat* | hypoventilat* | hypoexpan* | underinflat* | poor inspiration | shallow inspiration | low lung volumes | low volumes | low inspiratory volumes | decreased lung volumes | diminished lung volumes | reduced lung volumes | low lung volume | poorly inflated | poor inspiratory effort | suboptimal inspiration | limited inspiration | low volume | shallow inspiratory effort | lungs are underinflated
  compound volumes + low
  compound volumes + normal -> absent

finding lung_hyperlucent
  mesh Lung, Hyperlucent
  phrase hyperlucen* | hyperlucent lungs | hyperlucent lung | increased lucency of the lungs | lucent lungs

finding fibrosis
  related interstitial_lung_disease
  mesh Pulmonary Fibrosis | Fibrosis
  parent pleural_other
  # [cx] fibrosis, fibrothorax (pleural_other there)
  phrase fibrosis | fibrotic | pulmonary fibrosis | interstitial fibrosis | fibrotic change | fibrothorax | honeycombing | honeycomb | usual interstitial pneumonia | idiopathic pulmonary fibrosis
  subsumes lung_opacity

finding interstitial_lung_disease
  related fibrosis
  mesh Lung Diseases, Interstitial
  phrase interstitial lung disease | interstitial disease | interstitial process | interstitial pneumonia | interstitial pneumonitis | ild | interstitial abnormality | interstitial abnormalities | interstitial prominence | interstitial lung | chronic interstitial | diffuse interstitial | interstitial change
  subsumes lung_opacity | markings

finding markings
  mesh Markings | Lung/interstitial
  # [cx] interstitial marking(s), reticular marking, reticular pattern, reticulation
  phrase bronchovascular crowding | crowded bronchovascular | vascular crowding | crowding of the bronchovascular | crowding | increased interstitial marking | prominent interstitial marking | coarse interstitial marking | coarsened interstitial marking | increased lung marking | increased bronchovascular marking | prominent bronchovascular marking | coarse lung marking | coarsened lung marking | chronic interstitial marking | increased markings | prominent markings | coarse markings | reticular markings | reticulation | reticular pattern | reticulonodular | chronic lung markings | chronic interstitial markings | chronic-appearing interstitial
  compound markings + coarse
  compound markings + normal -> absent

finding pleural_thickening
  mesh Thickening/pleura | Pleura/thickening
  parent pleural_other
  # [cx] pleural thickening, pleural scar, pleural parenchymal scar, pleuro-parenchymal scar, pleuro-pericardial scar (pleural_other there)
  phrase pleural thickening | pleural-based thickening | pleural plaque | pleural plaques | apical pleural thickening | apical capping | pleural capping | pleural scar | pleural parenchymal scar | pleuro-parenchymal scar | pleuroparenchymal scar | pleuro-pericardial scar | pleural calcification | calcified pleural plaque | pleural thickenings | biapical pleural thickening | pleural-parenchymal scarring | pleuroparenchymal scarring | pleural parenchymal scarring | pleural scarring
  compound pleura + thickening
  subsumes cicatrix

finding pleural_other
  phrase pleural abnormality | pleural disease | pleural lesion

finding cicatrix
  mesh Cicatrix
  # [cx] scar, parenchymal scarring
  phrase scar* | scar | scarring | parenchymal scarring | fibrotic scarring | cicatrix | linear scarring | scar tissue | post-inflammatory scarring
  subsumes lung_opacity | density | atelectasis

finding hiatal_hernia
  mesh Hernia, Hiatal
  parent hernia
  phrase hiatal hernia | hiatus hernia | hiatial hernia | hiatal hernias | paraesophageal hernia | hernia of the stomach | stomach hernia | herniated stomach | intrathoracic stomach

finding diaphragmatic_hernia
  mesh Hernia, Diaphragmatic
  parent hernia
  phrase diaphragmatic hernia | bochdalek hernia | morgagni hernia | morgagni

finding hernia
  related hiatal_hernia
  # [cx] hernia
  phrase hernia | herniation

finding fracture
  mesh Fractures, Bone
  # [cx] fracture
  phrase fractur* | fracture | broken rib | broken ribs | broken bone | rib fracture | compression deformity | compression fracture | healed fracture | cracked rib | broken
  compound ribs + fractured
  subsumes deformity

finding deformity
  mesh Deformity
  # [cx] deformity
  phrase deformit* | deformed | remodeling | remodeled | wedge deformity | wedging | loss of height | height loss | compression deformity

finding scoliosis
  mesh Scoliosis
  # [cx] scoliosis
  phrase scolio* | dextroscolio* | levoscolio* | dextrocurvature | levocurvature | curvature of the spine | curved spine | spinal curvature | dextroconvex curvature | levoconvex curvature | rotoscoliosis | kyphoscoliosis
  compound spine + curvature

finding kyphosis
  mesh Kyphosis
  # [cx] kyphosis
  phrase kyphosis | kyphotic | kyphoscoliosis | exaggerated kyphosis | thoracic kyphosis | increased kyphosis | hunchback | hump back

finding degenerative_spine
  related spondylosis | osteophyte
  mesh Spine/degenerative | Thoracic Vertebrae/degenerative | Lumbar Vertebrae/degenerative
  # [cx] degenera* (a no_finding phrase there)
  phrase degenerative disc disease | degenerative joint disease of the spine | degenerative spine | degenerative thoracic spine | spinal degenerative change | degenerative endplate | thoracic spondylosis | degenerative change of the spine | degenerative changes of the thoracic spine | degenerative change in the spine | degenerative change of the thoracic spine | ddd | djd of the spine | arthritic spine | degenerative spine disease | degenerative changes of the spine
  phrase degenerative change | degenerative changes | degenerative
  compound spine + degenerative

finding spondylosis
  related degenerative_spine | osteophyte
  mesh Spondylosis
  phrase spondylosis | spondylitic | spondylotic | spondyloarthropathy | spondylitic change

finding osteophyte
  related degenerative_spine | spondylosis
  mesh Osteophyte
  # [cx] osteophytosis
  phrase osteophyt* | osteophytosis | osteophyte | spurring | bone spur | bony spur | spurs | bridging osteophyte | marginal osteophyte | anterior osteophyte | syndesmophyte

finding arthritis
  mesh Arthritis
  # [cx] arthropathy
  phrase arthritis | arthritic | arthropathy | osteoarthritis | arthritic change | degenerative joint disease | glenohumeral degenerative | acromioclavicular degenerative | ac joint degenerative | shoulder degenerative | djd

finding dish
  mesh Hyperostosis, Diffuse Idiopathic Skeletal
  phrase diffuse idiopathic skeletal hyperostosis | dish | flowing osteophytes | flowing ossification

finding tortuous_aorta
  mesh Aorta/tortuous | Aorta, Thoracic/tortuous
  phrase tortuous aorta | aortic tortuosity | tortuous thoracic aorta | tortuosity of the aorta | tortuosity of the thoracic aorta | ectatic aorta | aortic ectasia | unfolded aorta | unfolding of the aorta | uncoiled aorta | uncoiling of the aorta | tortuous | tortuosity | aortic unfolding | ectatic thoracic aorta | tortuous descending aorta
  compound aorta + tortuous

finding aortic_enlargement
  mesh Aorta/enlarged | Aorta/prominent | Aorta, Thoracic/prominent | Aorta, Thoracic/enlarged | Aortic Aneurysm
  phrase aortic aneurysm | aneurysm | aneurysmal | dilated aorta | enlarged aorta | aortic dilatation | aortic dilation | prominent aorta | prominent aortic knob | enlarged aortic knob | aortic enlargement
  compound aorta + pa_enlarged

finding elevated_diaphragm
  mesh Diaphragm/elevated
  # [cx] elevation (a no_finding phrase there)
  phrase elevated hemidiaphragm | elevated diaphragm | hemidiaphragm elevation | diaphragmatic elevation | elevation of the hemidiaphragm | elevation of the diaphragm | high diaphragm | raised hemidiaphragm | elevated hemidiaphragms | elevated right hemidiaphragm | elevated left hemidiaphragm
  compound diaphragm + elevated

finding eventration
  mesh Diaphragmatic Eventration
  # [cx] eventration
  phrase eventration | diaphragmatic eventration | eventration of the diaphragm | eventration of the hemidiaphragm | focal eventration
  subsumes elevated_diaphragm

finding flattened_diaphragm
  mesh Diaphragm/flattened
  phrase flattened diaphragm | flattened hemidiaphragm | flattening of the diaphragm | flattening of the hemidiaphragm | flattened diaphragms | diaphragmatic flattening | flat diaphragm | flattened hemidiaphragms
  compound diaphragm + flattened

finding blunted_costophrenic_angle
  mesh Costophrenic Angle/blunted
  # [cx] blunt (a no_finding phrase there)
  phrase blunted costophrenic angle | blunting of the costophrenic angle | costophrenic angle blunting | blunted angle | blunting | blunted | costophrenic blunting | blunting of the costophrenic sulcus | blunted sulcus | blunted costophrenic sulcus | blunting of the lateral costophrenic angle | blunting of the posterior costophrenic angle
  compound angle + blunted

finding indwelling_catheter
  mesh Catheters, Indwelling
  parent support_devices
  # [cx] picc, catheter, line(s), mediport, cannula
  phrase catheter | catheters | picc | picc line | central line | central venous line | central venous catheter | central catheter | port | port-a-cath | portacath | port a cath | mediport | power port | powerport | dialysis catheter | hemodialysis catheter | tunneled catheter | swan-ganz | swan ganz | pulmonary artery catheter | venous catheter | ij line | ij catheter | subclavian line | subclavian catheter | jugular line | jugular catheter | venous port | chest port | infusion port | central venous port | cvc | line tip | catheter tip | vascular catheter | permacath | hickman | quinton catheter | cannula | central line or port
  subsumes support_devices

finding tube
  mesh Tube, Inserted
  parent support_devices
  # [cx] tube, drain
  phrase tube | tubes | endotracheal tube | et tube | ett | nasogastric tube | ng tube | og tube | orogastric tube | feeding tube | dobhoff | chest tube | thoracostomy tube | tracheostomy | tracheostomy tube | trach | gastrostomy tube | drain | drains | pleural drain | pigtail catheter | enteric tube

finding implanted_medical_device
  mesh Implanted Medical Device
  parent support_devices
  # [cx] pacer, pacemaker, icd, defib*, valve, coil
  phrase pacemaker | pacer | pacemaker lead | pacemaker leads | pacer lead | pacer leads | pacing lead | pacing leads | icd | aicd | defib* | defibrillator | cardiac device | loop recorder | cardiac monitor | implantable | generator | stimulator | nerve stimulator | vagal nerve stimulator | cardioverter | cardioverter-defibrillator | biventricular pacer | dual lead pacer | dual-chamber pacemaker | prosthetic valve | valve replacement | mitral valve replacement | aortic valve replacement | annuloplasty | annuloplasty ring | coil | coils | embolization coil | ivc filter | filter | watchman | lvad | impella | leads | lead

finding surgical_instruments
  mesh Surgical Instruments | Sutures
  parent support_devices
  # [cx] hardware, plate, screw, marker, apparatus
  phrase surgical clip | surgical clips | clip | clips | staple | staples | surgical staples | suture | sutures | suture line | surgical suture | surgical chain | sternotomy wire | sternotomy wires | sternal wire | sternal wires | wire | wires | cerclage wire | median sternotomy | sternotomy | cabg | coronary artery bypass | coronary bypass | bypass graft | cabg clips | mediastinal clips | vascular clips | surgical hardware | hardware | plate | plates | screw | screws | surgical material | anchor | anchors | marker | markers | cholecystectomy clips | axillary clips | surgical changes | postsurgical changes | postoperative changes | post-operative changes | post surgical changes | sternal cerclage | surgical drain

finding stent
  mesh Stents
  parent support_devices
  phrase stent | stents | stent graft | endograft | coronary stent | coronary stents | biliary stent | tracheal stent | esophageal stent | endovascular stent

finding medical_device
  mesh Medical Device
  parent support_devices
  # [cx] device, apparatus, equipment, support
  phrase device | devices | medical device | apparatus | equipment | monitoring leads | ekg leads | ecg leads | telemetry leads | electrode | electrodes | ekg lead | monitoring device | life support

finding support_devices
  phrase support device | support devices | lines and tubes | tubes and lines | lines | line

finding spinal_fusion
  mesh Spinal Fusion
  phrase spinal fusion | fusion hardware | spinal hardware | fusion of the spine | spinal rods | spinal rod | harrington rods | harrington rod | posterior fusion | anterior fusion | cervical fusion | thoracic fusion | acdf | fusion | fused | vertebroplasty | kyphoplasty
  subsumes surgical_instruments

finding foreign_body
  mesh Foreign Bodies
  # [cx] bullet, radiopaque
  phrase foreign body | foreign bodies | foreign object | bullet | bullets | bullet fragment | shrapnel | metallic fragment | metallic fragments | metallic density | metallic densities | metallic foreign body | radiopaque foreign body | radiopaque | piercing | nipple ring | nipple piercing | buckshot | pellet | pellets | ingested | swallowed | retained

finding pneumoperitoneum
  mesh Pneumoperitoneum
  # [cx] pneumoperitoneum
  phrase pneumoperitoneum | free air | free intraperitoneal air | free air under the diaphragm | subdiaphragmatic free air | subdiaphragmatic air | free subdiaphragmatic air | intraperitoneal free air | free abdominal air | free gas

finding pneumomediastinum
  mesh Pneumomediastinum | Mediastinal Emphysema
  # [cx] pneumomediastinum
  phrase pneumomediastinum | mediastinal emphysema | mediastinal air | pneumopericardium

finding bronchiectasis
  mesh Bronchiectasis
  phrase bronchiectasis | bronchiectatic | traction bronchiectasis | bronchiectases

finding cavitation
  mesh Cavitation
  phrase cavitation | cavitary | cavity | cavities | cavitating | cavitary lesion | cavitary nodule | cavitary mass

finding cyst
  mesh Cysts
  phrase cyst | cysts | cystic | pneumatocele | pneumatoceles | cystic change

finding sarcoidosis
  mesh Sarcoidosis
  phrase sarcoidosis | sarcoid | sarcoidosis-related

finding tuberculosis
  mesh Tuberculosis
  phrase tuberculosis | tb | tuberculous | mycobacterial | active tuberculosis

finding lymphadenopathy
  mesh Lymph Nodes | Lymphatic Diseases
  phrase lymphadenopathy | adenopathy | enlarged lymph node | enlarged lymph nodes | hilar adenopathy | mediastinal adenopathy | lymph node enlargement | bulky lymph nodes | hilar lymphadenopathy | mediastinal lymphadenopathy

finding pulmonary_artery_enlargement
  mesh Pulmonary Artery | Hypertension, Pulmonary
  phrase pulmonary hypertension | pulmonary arterial hypertension | enlarged pulmonary artery | enlarged pulmonary arteries | prominent pulmonary artery | prominent pulmonary arteries | pulmonary artery enlargement | enlarged central pulmonary arteries | pulmonary artery hypertension
  compound pulmonary_artery + pa_enlarged

finding hilar_enlargement
  mesh Lung/hilum
  phrase hilar enlargement | hilar prominence | prominent hilum | prominent hila | enlarged hilum | enlarged hila | hilar fullness | bulky hila | bulky hilum | hilar mass
  compound hilum + widened

finding technical_quality
  mesh Technical Quality of Image Unsatisfactory
  phrase limited exam | limited examination | limited study | limited evaluation | suboptimal exam | suboptimal study | suboptimal evaluation | technically limited | technically suboptimal | limited by | limits evaluation | limiting evaluation | limited assessment | underpenetrated | under penetrated | overpenetrated | rotated | rotation | patient rotation | motion artifact | motion | poorly visualized | obscured by | degraded | lordotic | lordotic positioning | apical lordotic | technique | penetration | not well visualized | not well seen | limited | incompletely imaged | incompletely visualized | excluded from the field | partially excluded | obscured

finding volume_loss
  mesh Volume Loss
  phrase volume loss | loss of volume | decreased volume of the | hemithorax volume loss | lobar volume loss

finding mediastinal_shift
  mesh Shift
  phrase mediastinal shift | tracheal deviation | shift of the mediastinum | deviation of the trachea | tracheal shift | mediastinal deviation | deviated trachea | shift

finding epicardial_fat
  mesh Epicardial Fat | Adipose Tissue
  phrase epicardial fat | epicardial fat pad | pericardial fat pad | fat pad | cardiophrenic fat pad | pericardial fat | mediastinal lipomatosis | prominent fat pad

finding nipple_shadow
  mesh Nipple Shadow
  phrase nipple shadow | nipple shadows | nipple | nipples | nipple marker | nipple markers

finding mastectomy
  mesh Mastectomy
  phrase mastectomy | mastectomies | breast surgery | absent breast | lumpectomy

finding breast_implants
  mesh Breast Implants
  phrase breast implant | breast implants | breast prostheses | breast prosthesis | implants | implant

finding pneumonectomy
  mesh Pneumonectomy
  phrase pneumonectomy | lobectomy | lung resection | wedge resection | postpneumonectomy | status post pneumonectomy | segmentectomy

finding funnel_chest
  mesh Funnel Chest
  phrase pectus excavatum | funnel chest | pectus deformity | sunken chest | pectus

finding pectus_carinatum
  mesh Pectus Carinatum
  phrase pectus carinatum | pigeon chest

finding metabolic_bone_disease
  mesh Bone Diseases, Metabolic | Osteoporosis
  # [cx] osteopenia, osteodystrophy
  phrase osteopenia | osteopenic | demineralization | demineralized | osteoporosis | osteoporotic | osteodystrophy | renal osteodystrophy | decreased bone density | decreased bone mineralization | diffuse osteopenia | hyperparathyroidism | bone demineralization | decreased mineralization | low bone density | thin bones

finding dislocation
  mesh Dislocations
  phrase dislocation | dislocated | subluxation | subluxed | dislocations

finding azygos_lobe
  mesh Lung/azygos lobe
  phrase azygos lobe | azygos fissure | azygous lobe | azygous fissure

finding colonic_interposition
  mesh Colonic Interposition
  phrase colonic interposition | chilaiditi | interposition of the colon | interposed colon | interposed bowel

finding lucency
  mesh Lucency
  # [cx] irregular lucency
  phrase lucency | lucencies | lucent | irregular lucency | lucent lesion | lytic | lytic lesion | lucent area

finding cardiac_shadow_abnormal
  mesh Cardiac Shadow/irregular | Heart/obscured | Heart
  phrase irregular cardiac contour | abnormal cardiac contour | abnormal cardiac silhouette | left ventricular prominence | left ventricular enlargement | ventricular enlargement | atrial enlargement | left atrial enlargement | right atrial enlargement | right ventricular enlargement | enlarged left atrium | enlarged left ventricle | cardiac chamber enlargement

finding no_finding
  mesh normal
  # A query for a normal study names it with these; in a report they are read but the state is computed.
  phrase normal chest x-ray | normal chest radiograph | normal chest | normal study | normal exam | normal examination | normal radiograph | acute cardiopulmonary abnormality | acute cardiopulmonary disease | acute cardiopulmonary process | acute cardiopulmonary finding | acute disease | active disease | acute abnormality | acute process
  # Not named by phrases: the extractor sets it present when no other finding is present or uncertain,
  # support devices and image quality aside (the CheXpert labeler's "No Finding" rule).
