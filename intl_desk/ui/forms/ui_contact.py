# Generated from forms/contact.ui by tools/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'contact.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFormLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QSizePolicy, QWidget)

class Ui_ContactForm(object):
    def setupUi(self, ContactForm):
        if not ContactForm.objectName():
            ContactForm.setObjectName(u"ContactForm")
        self.form_layout = QFormLayout(ContactForm)
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.name_label = QLabel(ContactForm)
        self.name_label.setObjectName(u"name_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name = QLineEdit(ContactForm)
        self.name.setObjectName(u"name")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.position_label = QLabel(ContactForm)
        self.position_label.setObjectName(u"position_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.position_label)

        self.position = QLineEdit(ContactForm)
        self.position.setObjectName(u"position")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.position)

        self.local_entity_id_label = QLabel(ContactForm)
        self.local_entity_id_label.setObjectName(u"local_entity_id_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.local_entity_id_label)

        self.local_entity_id = QComboBox(ContactForm)
        self.local_entity_id.setObjectName(u"local_entity_id")
        self.local_entity_id.setMinimumSize(QSize(320, 0))

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.local_entity_id)

        self.partner_id_label = QLabel(ContactForm)
        self.partner_id_label.setObjectName(u"partner_id_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.partner_id_label)

        self.partner_id = QComboBox(ContactForm)
        self.partner_id.setObjectName(u"partner_id")
        self.partner_id.setMinimumSize(QSize(320, 0))

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.partner_id)

        self.organisation_label = QLabel(ContactForm)
        self.organisation_label.setObjectName(u"organisation_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.organisation_label)

        self.organisation = QLineEdit(ContactForm)
        self.organisation.setObjectName(u"organisation")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.organisation)

        self.email_label = QLabel(ContactForm)
        self.email_label.setObjectName(u"email_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.email_label)

        self.email = QLineEdit(ContactForm)
        self.email.setObjectName(u"email")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.email)

        self.phone_label = QLabel(ContactForm)
        self.phone_label.setObjectName(u"phone_label")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.phone_label)

        self.phone = QLineEdit(ContactForm)
        self.phone.setObjectName(u"phone")
        self.phone.setMaximumSize(QSize(280, 16777215))

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.phone)

        self.languages_label = QLabel(ContactForm)
        self.languages_label.setObjectName(u"languages_label")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.languages_label)

        self.languages_list = QListWidget(ContactForm)
        self.languages_list.setObjectName(u"languages_list")
        self.languages_list.setMinimumSize(QSize(0, 96))
        self.languages_list.setMaximumSize(QSize(16777215, 104))

        self.form_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.languages_list)

        self.is_staff_label = QLabel(ContactForm)
        self.is_staff_label.setObjectName(u"is_staff_label")

        self.form_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.is_staff_label)

        self.is_staff = QCheckBox(ContactForm)
        self.is_staff.setObjectName(u"is_staff")

        self.form_layout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.is_staff)

        self.notes_label = QLabel(ContactForm)
        self.notes_label.setObjectName(u"notes_label")

        self.form_layout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes = QPlainTextEdit(ContactForm)
        self.notes.setObjectName(u"notes")

        self.form_layout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.notes)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.position_label.setBuddy(self.position)
        self.local_entity_id_label.setBuddy(self.local_entity_id)
        self.partner_id_label.setBuddy(self.partner_id)
        self.organisation_label.setBuddy(self.organisation)
        self.email_label.setBuddy(self.email)
        self.phone_label.setBuddy(self.phone)
        self.languages_label.setBuddy(self.languages_list)
        self.is_staff_label.setBuddy(self.is_staff)
        self.notes_label.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ContactForm)

        QMetaObject.connectSlotsByName(ContactForm)
    # setupUi

    def retranslateUi(self, ContactForm):
        self.name_label.setText(_(u"Name"))
        self.position_label.setText(_(u"Position"))
        self.position.setPlaceholderText(_(u"e.g. Head of international relations"))
        self.local_entity_id_label.setText(_(u"At one of our entities"))
#if QT_CONFIG(tooltip)
        self.local_entity_id.setToolTip(_(u"Pick either one of our entities or a partner; picking one clears the other."))
#endif // QT_CONFIG(tooltip)
        self.partner_id_label.setText(_(u"At a partner"))
#if QT_CONFIG(tooltip)
        self.partner_id.setToolTip(_(u"Pick either one of our entities or a partner; picking one clears the other."))
#endif // QT_CONFIG(tooltip)
        self.organisation_label.setText(_(u"Other organisation"))
        self.organisation.setPlaceholderText(_(u"When the organisation is in neither list, or to name the service"))
        self.email_label.setText(_(u"E-mail"))
        self.email.setPlaceholderText(_(u"name@example.org"))
        self.phone_label.setText(_(u"Phone"))
        self.languages_label.setText(_(u"Languages"))
#if QT_CONFIG(tooltip)
        self.languages_list.setToolTip(_(u"Tick the languages this person works in."))
#endif // QT_CONFIG(tooltip)
        self.is_staff_label.setText(_(u"Staff"))
        self.is_staff.setText(_(u"Works for our own administration"))
        self.notes_label.setText(_(u"Notes"))
        pass
    # retranslateUi

