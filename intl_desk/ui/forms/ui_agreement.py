# Generated from forms/agreement.ui by tools/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'agreement.ui'
##

##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from intl_desk.core.i18n import _
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDateEdit,
    QFormLayout, QGridLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QListView, QListWidget,
    QListWidgetItem, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpinBox, QTabWidget, QVBoxLayout, QWidget)

class Ui_AgreementForm(object):
    def setupUi(self, AgreementForm):
        if not AgreementForm.objectName():
            AgreementForm.setObjectName(u"AgreementForm")
        AgreementForm.setMinimumSize(QSize(760, 520))
        self.root_layout = QVBoxLayout(AgreementForm)
        self.root_layout.setObjectName(u"root_layout")
        self.root_layout.setContentsMargins(0, 0, 0, 0)
        self.sections = QTabWidget(AgreementForm)
        self.sections.setObjectName(u"sections")
        self.general_page = QWidget()
        self.general_page.setObjectName(u"general_page")
        self.general_layout = QFormLayout(self.general_page)
        self.general_layout.setObjectName(u"general_layout")
        self.general_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.title_label = QLabel(self.general_page)
        self.title_label.setObjectName(u"title_label")

        self.general_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title = QLineEdit(self.general_page)
        self.title.setObjectName(u"title")

        self.general_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.title)

        self.type_label = QLabel(self.general_page)
        self.type_label.setObjectName(u"type_label")

        self.general_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.type_label)

        self.type = QComboBox(self.general_page)
        self.type.setObjectName(u"type")

        self.general_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.type)

        self.status_label = QLabel(self.general_page)
        self.status_label.setObjectName(u"status_label")

        self.general_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.status_label)

        self.status = QComboBox(self.general_page)
        self.status.setObjectName(u"status")

        self.general_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.status)

        self.reference_label = QLabel(self.general_page)
        self.reference_label.setObjectName(u"reference_label")

        self.general_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.reference_label)

        self.reference = QLineEdit(self.general_page)
        self.reference.setObjectName(u"reference")

        self.general_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.reference)

        self.responsible_id_label = QLabel(self.general_page)
        self.responsible_id_label.setObjectName(u"responsible_id_label")

        self.general_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.responsible_id_label)

        self.responsible_id = QComboBox(self.general_page)
        self.responsible_id.setObjectName(u"responsible_id")

        self.general_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.responsible_id)

        self.language_list_label = QLabel(self.general_page)
        self.language_list_label.setObjectName(u"language_list_label")

        self.general_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.language_list_label)

        self.language_list = QListWidget(self.general_page)
        self.language_list.setObjectName(u"language_list")
        self.language_list.setMinimumSize(QSize(0, 64))
        self.language_list.setMaximumSize(QSize(16777215, 84))
        self.language_list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.language_list.setFlow(QListView.Flow.LeftToRight)
        self.language_list.setProperty(u"isWrapping", True)
        self.language_list.setResizeMode(QListView.ResizeMode.Adjust)

        self.general_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.language_list)

        self.summary_label = QLabel(self.general_page)
        self.summary_label.setObjectName(u"summary_label")

        self.general_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.summary_label)

        self.summary = QPlainTextEdit(self.general_page)
        self.summary.setObjectName(u"summary")

        self.general_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.summary)

        self.sections.addTab(self.general_page, "")
        self.parties_page = QWidget()
        self.parties_page.setObjectName(u"parties_page")
        self.parties_page_layout = QVBoxLayout(self.parties_page)
        self.parties_page_layout.setObjectName(u"parties_page_layout")
        self.parties_group = QGroupBox(self.parties_page)
        self.parties_group.setObjectName(u"parties_group")
        self.parties_layout = QVBoxLayout(self.parties_group)
        self.parties_layout.setObjectName(u"parties_layout")

        self.parties_page_layout.addWidget(self.parties_group)

        self.objectives_group = QGroupBox(self.parties_page)
        self.objectives_group.setObjectName(u"objectives_group")
        self.objectives_layout = QVBoxLayout(self.objectives_group)
        self.objectives_layout.setObjectName(u"objectives_layout")
        self.objectives_hint = QLabel(self.objectives_group)
        self.objectives_hint.setObjectName(u"objectives_hint")
        self.objectives_hint.setWordWrap(True)
        self.objectives_hint.setStyleSheet(u"color: #8a5a00;")

        self.objectives_layout.addWidget(self.objectives_hint)


        self.parties_page_layout.addWidget(self.objectives_group)

        self.sections.addTab(self.parties_page, "")
        self.themes_page = QWidget()
        self.themes_page.setObjectName(u"themes_page")
        self.themes_page_layout = QHBoxLayout(self.themes_page)
        self.themes_page_layout.setObjectName(u"themes_page_layout")
        self.themes_group = QGroupBox(self.themes_page)
        self.themes_group.setObjectName(u"themes_group")
        self.themes_layout = QVBoxLayout(self.themes_group)
        self.themes_layout.setObjectName(u"themes_layout")
        self.theme_list = QListWidget(self.themes_group)
        self.theme_list.setObjectName(u"theme_list")

        self.themes_layout.addWidget(self.theme_list)


        self.themes_page_layout.addWidget(self.themes_group)

        self.sdgs_group = QGroupBox(self.themes_page)
        self.sdgs_group.setObjectName(u"sdgs_group")
        self.sdgs_layout = QVBoxLayout(self.sdgs_group)
        self.sdgs_layout.setObjectName(u"sdgs_layout")
        self.sdg_list = QListWidget(self.sdgs_group)
        self.sdg_list.setObjectName(u"sdg_list")
        self.sdg_list.setIconSize(QSize(20, 20))

        self.sdgs_layout.addWidget(self.sdg_list)


        self.themes_page_layout.addWidget(self.sdgs_group)

        self.sections.addTab(self.themes_page, "")
        self.dates_page = QWidget()
        self.dates_page.setObjectName(u"dates_page")
        self.dates_page_layout = QGridLayout(self.dates_page)
        self.dates_page_layout.setObjectName(u"dates_page_layout")
        self.dates_group = QGroupBox(self.dates_page)
        self.dates_group.setObjectName(u"dates_group")
        self.dates_layout = QFormLayout(self.dates_group)
        self.dates_layout.setObjectName(u"dates_layout")
        self.dates_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.date_proposed_label = QLabel(self.dates_group)
        self.date_proposed_label.setObjectName(u"date_proposed_label")

        self.dates_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.date_proposed_label)

        self.date_proposed = QDateEdit(self.dates_group)
        self.date_proposed.setObjectName(u"date_proposed")

        self.dates_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.date_proposed)

        self.date_signed_label = QLabel(self.dates_group)
        self.date_signed_label.setObjectName(u"date_signed_label")

        self.dates_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.date_signed_label)

        self.date_signed = QDateEdit(self.dates_group)
        self.date_signed.setObjectName(u"date_signed")

        self.dates_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.date_signed)

        self.date_in_force_label = QLabel(self.dates_group)
        self.date_in_force_label.setObjectName(u"date_in_force_label")

        self.dates_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.date_in_force_label)

        self.date_in_force = QDateEdit(self.dates_group)
        self.date_in_force.setObjectName(u"date_in_force")

        self.dates_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.date_in_force)

        self.date_expires_label = QLabel(self.dates_group)
        self.date_expires_label.setObjectName(u"date_expires_label")

        self.dates_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.date_expires_label)

        self.date_expires = QDateEdit(self.dates_group)
        self.date_expires.setObjectName(u"date_expires")

        self.dates_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.date_expires)

        self.perpetual = QCheckBox(self.dates_group)
        self.perpetual.setObjectName(u"perpetual")

        self.dates_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.perpetual)


        self.dates_page_layout.addWidget(self.dates_group, 0, 0, 1, 1)

        self.renewal_group = QGroupBox(self.dates_page)
        self.renewal_group.setObjectName(u"renewal_group")
        self.renewal_layout = QFormLayout(self.renewal_group)
        self.renewal_layout.setObjectName(u"renewal_layout")
        self.renewal_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.renewal_decision_label = QLabel(self.renewal_group)
        self.renewal_decision_label.setObjectName(u"renewal_decision_label")

        self.renewal_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.renewal_decision_label)

        self.renewal_decision = QComboBox(self.renewal_group)
        self.renewal_decision.setObjectName(u"renewal_decision")

        self.renewal_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.renewal_decision)

        self.renewal_reminder_days_label = QLabel(self.renewal_group)
        self.renewal_reminder_days_label.setObjectName(u"renewal_reminder_days_label")

        self.renewal_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.renewal_reminder_days_label)

        self.renewal_reminder_days = QSpinBox(self.renewal_group)
        self.renewal_reminder_days.setObjectName(u"renewal_reminder_days")
        self.renewal_reminder_days.setMaximum(3650)
        self.renewal_reminder_days.setValue(90)
        self.renewal_reminder_days.setSingleStep(30)

        self.renewal_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.renewal_reminder_days)


        self.dates_page_layout.addWidget(self.renewal_group, 0, 1, 1, 1)

        self.legal_group = QGroupBox(self.dates_page)
        self.legal_group.setObjectName(u"legal_group")
        self.legal_layout = QFormLayout(self.legal_group)
        self.legal_layout.setObjectName(u"legal_layout")
        self.legal_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.legal_authorisation_label = QLabel(self.legal_group)
        self.legal_authorisation_label.setObjectName(u"legal_authorisation_label")

        self.legal_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.legal_authorisation_label)

        self.legal_authorisation = QLineEdit(self.legal_group)
        self.legal_authorisation.setObjectName(u"legal_authorisation")

        self.legal_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.legal_authorisation)

        self.legal_authorisation_date_label = QLabel(self.legal_group)
        self.legal_authorisation_date_label.setObjectName(u"legal_authorisation_date_label")

        self.legal_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.legal_authorisation_date_label)

        self.legal_authorisation_date = QDateEdit(self.legal_group)
        self.legal_authorisation_date.setObjectName(u"legal_authorisation_date")

        self.legal_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.legal_authorisation_date)


        self.dates_page_layout.addWidget(self.legal_group, 1, 0, 1, 2)

        self.signatories_group = QGroupBox(self.dates_page)
        self.signatories_group.setObjectName(u"signatories_group")
        self.signatories_layout = QVBoxLayout(self.signatories_group)
        self.signatories_layout.setObjectName(u"signatories_layout")

        self.dates_page_layout.addWidget(self.signatories_group, 2, 0, 1, 2)

        self.dates_page_layout.setRowStretch(2, 1)
        self.dates_page_layout.setColumnStretch(0, 1)
        self.dates_page_layout.setColumnStretch(1, 1)
        self.sections.addTab(self.dates_page, "")
        self.links_page = QWidget()
        self.links_page.setObjectName(u"links_page")
        self.links_page_layout = QVBoxLayout(self.links_page)
        self.links_page_layout.setObjectName(u"links_page_layout")
        self.related_group = QGroupBox(self.links_page)
        self.related_group.setObjectName(u"related_group")
        self.related_layout = QFormLayout(self.related_group)
        self.related_layout.setObjectName(u"related_layout")
        self.related_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.renews_id_label = QLabel(self.related_group)
        self.renews_id_label.setObjectName(u"renews_id_label")

        self.related_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.renews_id_label)

        self.renews_id = QComboBox(self.related_group)
        self.renews_id.setObjectName(u"renews_id")

        self.related_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.renews_id)

        self.amends_id_label = QLabel(self.related_group)
        self.amends_id_label.setObjectName(u"amends_id_label")

        self.related_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.amends_id_label)

        self.amends_id = QComboBox(self.related_group)
        self.amends_id.setObjectName(u"amends_id")

        self.related_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.amends_id)

        self.followers = QLabel(self.related_group)
        self.followers.setObjectName(u"followers")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.followers.sizePolicy().hasHeightForWidth())
        self.followers.setSizePolicy(sizePolicy)
        self.followers.setWordWrap(True)

        self.related_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.followers)


        self.links_page_layout.addWidget(self.related_group)

        self.projects_group = QGroupBox(self.links_page)
        self.projects_group.setObjectName(u"projects_group")
        self.projects_layout = QVBoxLayout(self.projects_group)
        self.projects_layout.setObjectName(u"projects_layout")
        self.project_list = QListWidget(self.projects_group)
        self.project_list.setObjectName(u"project_list")
        self.project_list.setMaximumSize(QSize(16777215, 180))

        self.projects_layout.addWidget(self.project_list)

        self.no_projects = QLabel(self.projects_group)
        self.no_projects.setObjectName(u"no_projects")
        self.no_projects.setWordWrap(True)

        self.projects_layout.addWidget(self.no_projects)

        self.project_buttons = QHBoxLayout()
        self.project_buttons.setObjectName(u"project_buttons")
        self.project_choice = QComboBox(self.projects_group)
        self.project_choice.setObjectName(u"project_choice")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy1.setHorizontalStretch(1)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.project_choice.sizePolicy().hasHeightForWidth())
        self.project_choice.setSizePolicy(sizePolicy1)

        self.project_buttons.addWidget(self.project_choice)

        self.add_project = QPushButton(self.projects_group)
        self.add_project.setObjectName(u"add_project")

        self.project_buttons.addWidget(self.add_project)

        self.remove_project = QPushButton(self.projects_group)
        self.remove_project.setObjectName(u"remove_project")

        self.project_buttons.addWidget(self.remove_project)


        self.projects_layout.addLayout(self.project_buttons)


        self.links_page_layout.addWidget(self.projects_group)

        self.notes_group = QGroupBox(self.links_page)
        self.notes_group.setObjectName(u"notes_group")
        self.notes_layout = QFormLayout(self.notes_group)
        self.notes_layout.setObjectName(u"notes_layout")
        self.notes_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.lessons_learned_label = QLabel(self.notes_group)
        self.lessons_learned_label.setObjectName(u"lessons_learned_label")

        self.notes_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.lessons_learned_label)

        self.lessons_learned = QPlainTextEdit(self.notes_group)
        self.lessons_learned.setObjectName(u"lessons_learned")

        self.notes_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.lessons_learned)

        self.notes_label = QLabel(self.notes_group)
        self.notes_label.setObjectName(u"notes_label")

        self.notes_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes = QPlainTextEdit(self.notes_group)
        self.notes.setObjectName(u"notes")

        self.notes_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.notes)


        self.links_page_layout.addWidget(self.notes_group)

        self.sections.addTab(self.links_page, "")

        self.root_layout.addWidget(self.sections)

#if QT_CONFIG(shortcut)
        self.title_label.setBuddy(self.title)
        self.type_label.setBuddy(self.type)
        self.status_label.setBuddy(self.status)
        self.reference_label.setBuddy(self.reference)
        self.responsible_id_label.setBuddy(self.responsible_id)
        self.language_list_label.setBuddy(self.language_list)
        self.summary_label.setBuddy(self.summary)
        self.date_proposed_label.setBuddy(self.date_proposed)
        self.date_signed_label.setBuddy(self.date_signed)
        self.date_in_force_label.setBuddy(self.date_in_force)
        self.date_expires_label.setBuddy(self.date_expires)
        self.renewal_decision_label.setBuddy(self.renewal_decision)
        self.renewal_reminder_days_label.setBuddy(self.renewal_reminder_days)
        self.legal_authorisation_label.setBuddy(self.legal_authorisation)
        self.legal_authorisation_date_label.setBuddy(self.legal_authorisation_date)
        self.renews_id_label.setBuddy(self.renews_id)
        self.amends_id_label.setBuddy(self.amends_id)
        self.lessons_learned_label.setBuddy(self.lessons_learned)
        self.notes_label.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.title, self.type)
        QWidget.setTabOrder(self.type, self.status)
        QWidget.setTabOrder(self.status, self.reference)
        QWidget.setTabOrder(self.reference, self.responsible_id)
        QWidget.setTabOrder(self.responsible_id, self.language_list)
        QWidget.setTabOrder(self.language_list, self.summary)
        QWidget.setTabOrder(self.summary, self.date_proposed)
        QWidget.setTabOrder(self.date_proposed, self.date_signed)
        QWidget.setTabOrder(self.date_signed, self.date_in_force)
        QWidget.setTabOrder(self.date_in_force, self.date_expires)
        QWidget.setTabOrder(self.date_expires, self.perpetual)
        QWidget.setTabOrder(self.perpetual, self.renewal_decision)
        QWidget.setTabOrder(self.renewal_decision, self.renewal_reminder_days)
        QWidget.setTabOrder(self.renewal_reminder_days, self.legal_authorisation)
        QWidget.setTabOrder(self.legal_authorisation, self.legal_authorisation_date)

        self.retranslateUi(AgreementForm)

        self.sections.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(AgreementForm)
    # setupUi

    def retranslateUi(self, AgreementForm):
        self.title_label.setText(_(u"Title"))
        self.title.setPlaceholderText(_(u"What the agreement is called, e.g. Twinning charter Lyon \u2013 \u0141\u00f3d\u017a"))
        self.type_label.setText(_(u"Type"))
        self.status_label.setText(_(u"Status"))
        self.reference_label.setText(_(u"Reference"))
        self.reference.setPlaceholderText(_(u"Registry or file number"))
        self.responsible_id_label.setText(_(u"Responsible officer"))
        self.language_list_label.setText(_(u"Languages of the text"))
        self.summary_label.setText(_(u"Summary"))
        self.summary.setPlaceholderText(_(u"What the parties commit to, in a few sentences"))
        self.sections.setTabText(self.sections.indexOf(self.general_page), _(u"General"))
        self.parties_group.setTitle(_(u"Parties"))
        self.objectives_group.setTitle(_(u"Specific objectives"))
        self.objectives_hint.setText(_(u"No specific objectives yet. Agreements without them are the classic failure: write down what this one should achieve, one objective per row."))
        self.sections.setTabText(self.sections.indexOf(self.parties_page), _(u"Parties and objectives"))
        self.themes_group.setTitle(_(u"Themes"))
        self.sdgs_group.setTitle(_(u"Sustainable Development Goals"))
        self.sections.setTabText(self.sections.indexOf(self.themes_page), _(u"Themes and SDGs"))
        self.dates_group.setTitle(_(u"Dates"))
        self.date_proposed_label.setText(_(u"Proposed"))
        self.date_signed_label.setText(_(u"Signed"))
        self.date_in_force_label.setText(_(u"In force from"))
        self.date_expires_label.setText(_(u"Expires"))
        self.perpetual.setText(_(u"Perpetual: no expiry date"))
        self.renewal_group.setTitle(_(u"Renewal"))
        self.renewal_decision_label.setText(_(u"Decision"))
        self.renewal_reminder_days_label.setText(_(u"Reminder (days before expiry)"))
        self.legal_group.setTitle(_(u"Legal authorisation"))
        self.legal_authorisation_label.setText(_(u"Decision"))
        self.legal_authorisation.setPlaceholderText(_(u"Council decision number and title"))
        self.legal_authorisation_date_label.setText(_(u"Date of the decision"))
        self.signatories_group.setTitle(_(u"Signatories"))
        self.sections.setTabText(self.sections.indexOf(self.dates_page), _(u"Dates and signature"))
        self.related_group.setTitle(_(u"Related agreements"))
        self.renews_id_label.setText(_(u"Renews"))
        self.amends_id_label.setText(_(u"Amends"))
        self.projects_group.setTitle(_(u"Projects carried out under this agreement"))
        self.no_projects.setText(_(u"No project linked yet. Choose one below to show what was done under this agreement."))
        self.add_project.setText(_(u"Link the project"))
        self.remove_project.setText(_(u"Unlink"))
        self.notes_group.setTitle(_(u"Lessons and notes"))
        self.lessons_learned_label.setText(_(u"Lessons learned"))
        self.lessons_learned.setPlaceholderText(_(u"What worked, what did not, what the next team should know"))
        self.notes_label.setText(_(u"Notes"))
        self.sections.setTabText(self.sections.indexOf(self.links_page), _(u"Links and notes"))
        pass
    # retranslateUi

